"use server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/http/action";
import { removeRetailerUser } from "@/lib/network/remove-retailer-user";

/** Remove a team member from the business (lib/network/remove-retailer-user.ts); asked for in a confirm dialog. */
export async function removeTeamMemberAction(memberId: string) {
  const res = await runAction(async (ctx) => {
    await removeRetailerUser(ctx, String(memberId));
    return null;
  });
  if (res.ok) revalidatePath("/portal/profile");
  return res;
}

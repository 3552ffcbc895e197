"use server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/http/action";
import { removeRetailerUser } from "@/lib/network/remove-retailer-user";

export async function removeTeamMemberAction(form: FormData): Promise<void> {
  const id = form.get("memberId");
  await runAction((ctx) => removeRetailerUser(ctx, typeof id === "string" ? id : ""));
  revalidatePath("/portal/profile");
}

"use server";
// Shell actions: switch the active company of the session.
import { redirect } from "next/navigation";
import { unstable_update } from "@/lib/auth/auth";
import { listMyCompanies } from "@/lib/company/list-my-companies";
import { makeCtx } from "@/lib/ctx";
import { requireStaff } from "@/lib/auth/session";

export async function switchCompanyAction(companyId: string): Promise<{ ok: false; error: string } | void> {
  const actor = await requireStaff();
  const mine = await listMyCompanies(makeCtx(actor));
  if (!mine.some((c) => c.id === companyId)) return { ok: false, error: "You are not a member of that company." };
  // The jwt callback checks the membership again before it changes the session.
  await unstable_update({ companyId } as Parameters<typeof unstable_update>[0]);
  redirect("/dashboard");
}

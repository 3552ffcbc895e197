import type { Metadata } from "next";
import { AccountSecurity } from "@/components/account/account-security";
import { listMySessions } from "@/lib/auth/my-sessions";
import { requireStaff } from "@/lib/auth/session";
import { makeCtx } from "@/lib/ctx";

export const metadata: Metadata = { title: "Account & security" };

export default async function AccountPage() {
  const actor = await requireStaff();
  const sessions = await listMySessions(makeCtx(actor));
  return <AccountSecurity name={actor.name} email={actor.email} sessions={sessions} />;
}

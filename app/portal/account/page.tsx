import type { Metadata } from "next";
import { AccountSecurity } from "@/components/account/account-security";
import { listMySessions } from "@/lib/auth/my-sessions";
import { requireRetailer } from "@/lib/auth/session";
import { makeCtx } from "@/lib/ctx";

export const metadata: Metadata = { title: "Account & security" };

export default async function PortalAccountPage() {
  const actor = await requireRetailer();
  const sessions = await listMySessions(makeCtx(actor));
  return <AccountSecurity name={actor.name} email={actor.email} sessions={sessions} />;
}

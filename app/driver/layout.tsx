import type { Metadata } from "next";
import type { ReactNode } from "react";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { redirect } from "next/navigation";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { logoutAction } from "../(auth)/actions";

export const metadata: Metadata = { title: { template: "%s · Driver", default: "Driver" } };

/** The driver's pages: one column for a phone held in one hand, big buttons, nothing else. */
export default async function DriverLayout({ children }: { children: ReactNode }) {
  const actor = await requireStaff();
  if (!can(actor, "deliveries.update")) redirect("/dashboard");
  return (
    <div className="min-h-dvh bg-slate-50">
      <header className="sticky top-0 z-10 flex items-center justify-between border-b border-slate-200 bg-white px-4 py-3">
        <Link href="/driver" className="text-base font-semibold text-slate-900">
          My deliveries
        </Link>
        <div className="flex items-center gap-3 text-sm">
          <span className="max-w-[9rem] truncate text-slate-600">{actor.name}</span>
          <form action={logoutAction}>
            <button className="text-slate-500 underline">Sign out</button>
          </form>
        </div>
      </header>
      <main className="mx-auto max-w-xl px-4 py-4">{children}</main>
    </div>
  );
}

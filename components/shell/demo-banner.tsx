import Link from "next/link";
import { connection } from "next/server";
import { demoMode } from "@/lib/env";

/** On every page while DEMO_MODE=on: nobody should mistake the demo for real books. */
export async function DemoBanner() {
  await connection(); // read the setting at request time, not at build time
  if (!demoMode()) return null;
  return (
    <div role="note" className="bg-danger-700 px-4 py-1.5 text-center text-xs font-medium text-white print:hidden">
      Demo mode: sample data, and mail is kept in a{" "}
      <Link href="/dev/outbox" className="underline underline-offset-2 hover:no-underline">
        local outbox
      </Link>{" "}
      instead of being sent. Not for real business.
    </div>
  );
}

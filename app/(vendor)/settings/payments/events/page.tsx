import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { redirect } from "next/navigation";
import { SettingsTabs } from "@/components/settings/settings-tabs";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { listReconciliations, listWebhookEvents } from "@/lib/billing/gateway/webhook-events";
import { makeCtx } from "@/lib/ctx";
import { formatDateTime } from "@/lib/format";
import { ReplayButton } from "./replay-button";

export const metadata: Metadata = { title: "Payment events" };

const tones: Record<string, [BadgeTone, string]> = {
  RECEIVED: ["neutral", "Received"],
  VERIFIED: ["info", "Verified, waiting"],
  APPLIED: ["success", "Applied"],
  IGNORED: ["neutral", "Ignored"],
  FAILED: ["danger", "Failed"],
};

export default async function PaymentEventsPage() {
  const actor = await requireStaff();
  if (!can(actor, "billing.read")) redirect("/dashboard");
  const ctx = makeCtx(actor);
  const events = await listWebhookEvents(ctx, { take: 200 });
  const runs = await listReconciliations(ctx);
  const canReplay = can(actor, "billing.write") || can(actor, "company.write");
  return (
    <>
      <PageHeader
        eyebrow={<Link href="/settings/payments" className="hover:underline">← Online payments</Link>}
        title="Payment events"
        description="Every webhook a gateway sent, newest first: each is stored once (a duplicate delivery changes nothing) and applied in the background."
      />
      <SettingsTabs actor={actor} current="payments" />
      <Card className="overflow-x-auto">
        {events.length === 0 ? (
          <p className="px-5 py-6 text-sm text-slate-500">No events yet.</p>
        ) : (
          <table className="w-full min-w-[760px] text-sm">
            <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-500 uppercase">
              <tr>
                <th className="px-4 py-2.5 text-left font-medium">Received</th>
                <th className="px-3 py-2.5 text-left font-medium">Event</th>
                <th className="px-3 py-2.5 text-left font-medium">Status</th>
                <th className="px-3 py-2.5 text-left font-medium">What happened</th>
                <th className="px-4 py-2.5"><span className="sr-only">Replay</span></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {events.map((e) => {
                const [tone, label] = tones[e.status] ?? ["neutral", e.status];
                return (
                  <tr key={e.id} className="align-top">
                    <td className="px-4 py-2.5 whitespace-nowrap text-slate-600">{formatDateTime(e.receivedAt)}</td>
                    <td className="px-3 py-2.5">
                      <span className="font-medium">{e.type}</span>
                      <span className="block font-mono text-xs text-slate-500">{e.eventId} · {e.account}</span>
                    </td>
                    <td className="px-3 py-2.5">
                      <Badge tone={tone}>{label}</Badge>
                      {e.attempts > 1 && <span className="block text-xs text-slate-500">{e.attempts} attempts</span>}
                    </td>
                    <td className="max-w-md px-3 py-2.5 text-xs break-words text-slate-600">{e.reason ?? "—"}</td>
                    <td className="px-4 py-2.5 text-right">{canReplay && e.status !== "APPLIED" && <ReplayButton eventId={e.id} />}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </Card>
      <Card className="mt-6">
        <div className="border-b border-slate-100 px-5 py-3">
          <h2 className="font-medium text-slate-900">Nightly reconciliation</h2>
          <p className="text-xs text-slate-500">Every night each gateway is asked for its payments of the last three days and every open link; anything a lost webhook missed is repaired.</p>
        </div>
        {runs.length === 0 ? (
          <p className="px-5 py-4 text-sm text-slate-500">No runs yet (the first runs tonight at 02:40).</p>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm">
            {runs.map((r) => (
              <li key={r.id} className="px-5 py-2.5">
                <span className="text-slate-600">{formatDateTime(r.startedAt)}</span> · {r.account} · checked {r.checked}, repaired {r.repaired}
                {r.error && <span className="block text-xs text-danger-700">{r.error}</span>}
                {r.details && <span className="block text-xs whitespace-pre-line text-slate-500">{r.details}</span>}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}

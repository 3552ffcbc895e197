import "server-only";
// The receivables report's ageing view (GET /api/v1/reports/receivables/ageing): the billing
// domain's own ageing (lib/billing/get-ageing.ts) — not a copy — behind the report's access rule
// (reports.read + billing.read), so the report and the Receivables screen always agree.
import { getAgeing, type AgeingReport } from "@/lib/billing/get-ageing";
import { onReplica, type Ctx } from "@/lib/ctx";
import { assertCanSeeReport } from "@/lib/reporting/report-access";

export async function getReceivablesAgeing(ctx: Ctx, input: unknown = {}): Promise<AgeingReport> {
  ctx = onReplica(ctx);
  assertCanSeeReport(ctx.actor, "receivables");
  return getAgeing(ctx, input);
}

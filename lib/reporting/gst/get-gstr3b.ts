import "server-only";
// GSTR-3B tables 3.1 and 3.2 of a period for the actor's company, from the same documents as
// GSTR-1, with the documents behind every figure. Read-only; reports.read.
import { assertCan } from "@/lib/auth/permissions";
import { onReplica, type Ctx } from "@/lib/ctx";
import { buildGstr3bFromSums, type Gstr3b } from "./build-gstr3b";
import { readReturnPeriod } from "./gst-returns.schemas";
import { loadGstSums } from "./load-gst-sums";
import type { ReturnPeriod } from "./period";

export type Gstr3bReport = { period: ReturnPeriod } & Gstr3b;

export async function getGstr3b(ctx: Ctx, input: unknown): Promise<Gstr3bReport> {
  ctx = onReplica(ctx);
  assertCan(ctx.actor, "reports.read");
  const period = readReturnPeriod(input);
  // No HSN check here (the validator is GSTR-1's): any digit count passes the suspect test.
  const { documents } = await loadGstSums(ctx, ctx.actor.companyId, period.from, period.to, { hsnMinDigits: 0 });
  return { period, ...buildGstr3bFromSums(documents) };
}

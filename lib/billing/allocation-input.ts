import "server-only";
// Hand-set allocations from a form or API body, checked before they reach allocations.ts so the
// errors name the line: the invoice must be an issued invoice or debit note of the same retailer,
// and no amount may exceed what is open on it. The caller holds the connection lock, so what it
// reads here cannot change before the conditional UPDATEs in allocate() run.
import { allocate, type AllocationSource } from "@/lib/billing/allocations";
import type { SqlRunner } from "@/lib/db/sql-runner";
import { AppError, type FieldErrors } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { formatINR } from "@/lib/format";

const D = Prisma.Decimal;

export type AllocationLine = { invoiceId: string; amount: string };

/** Allocates each line from `source`; the lines together may use at most `available`. Returns the total allocated. */
export async function allocateByHand(
  run: SqlRunner,
  args: { companyId: string; connectionId: string; userId: string | null; source: AllocationSource; lines: AllocationLine[]; available: Prisma.Decimal; field?: string },
): Promise<Prisma.Decimal> {
  const field = args.field ?? "allocations";
  const ids = args.lines.map((l) => l.invoiceId);
  const docs = await run.query<{ id: string; number: string; open: string }>(
    `SELECT id, number, ("grandTotal" - "settledAmount")::text AS open FROM "Invoice"
     WHERE id = ANY($1::text[]) AND "companyId" = $2::text AND "connectionId" = $3::text AND status = 'ISSUED' AND type IN ('INVOICE', 'DEBIT_NOTE')`,
    [ids, args.companyId, args.connectionId],
  );
  const byId = new Map(docs.map((d) => [d.id, { number: d.number, open: new D(d.open) }]));
  const errors: FieldErrors = {};
  let sum = new D(0);
  args.lines.forEach((l, i) => {
    const doc = byId.get(l.invoiceId);
    const amount = new D(l.amount);
    sum = sum.plus(amount);
    if (!doc) errors[`${field}.${i}.invoiceId`] = ["Not an open invoice or debit note of this retailer"];
    else if (amount.gt(doc.open)) errors[`${field}.${i}.amount`] = [`Only ${formatINR(doc.open)} is open on ${doc.number}`];
  });
  if (Object.keys(errors).length) throw new AppError("validation", "Some allocations cannot be made", { fieldErrors: errors });
  if (sum.gt(args.available)) {
    throw new AppError("validation", `The allocations add up to ${formatINR(sum)}, more than the ${formatINR(args.available)} available`, { fieldErrors: { [field]: [`At most ${formatINR(args.available)} in total`] } });
  }
  for (const l of args.lines) {
    await allocate(run, { companyId: args.companyId, connectionId: args.connectionId, userId: args.userId, source: args.source, target: { invoiceId: l.invoiceId }, amount: l.amount });
  }
  return sum;
}

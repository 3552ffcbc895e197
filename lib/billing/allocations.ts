import "server-only";
// The one writer of Allocation rows and of the running totals they add up to (Invoice.settledAmount,
// Payment.allocatedAmount). An allocation matches money that came in (a receipt, a credit note) with
// what it pays off (an invoice or debit note) or with a refund of it. Every write is a conditional
// UPDATE that refuses to take a document past its total, so no race can over-allocate, and moves
// what the document holds open in OpenReceivables (open-receivables.ts) in the same transaction.
//
// Locking rule for all billing writes: lock the connection row first (lockConnection in
// lib/orders/credit.ts), then touch documents. One lock per retailer and vendor serializes the
// writers of one ledger, and nothing can deadlock on documents.
//
// Every function takes the transaction's statements (run: lib/db/sql-tx.ts, or prismaRunner for a Prisma
// transaction). Amounts go to PostgreSQL as text and come back as text; days come back as text too
// (pg would read a date column at local midnight) and are revived as UTC midnight, as Prisma gives them.
import { addToOpenReceivablesSql, moveOpenReceivables, receivableOf, type InvoiceState, type PaymentState } from "@/lib/billing/open-receivables";
import type { SqlRunner } from "@/lib/db/sql-runner";
import { revive } from "@/lib/db/revive";
import { rowId } from "@/lib/db/row-id";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";

const D = Prisma.Decimal;
type Decimal = Prisma.Decimal;

export type AllocationSource = { paymentId: string } | { creditNoteId: string };
export type AllocationTarget = { invoiceId: string } | { refundId: string };

type Scope = { companyId: string; connectionId: string; userId?: string | null };

/** Allocates `amount` from source to target; both must belong to the connection and have room. */
export async function allocate(run: SqlRunner, args: Scope & { source: AllocationSource; target: AllocationTarget; amount: Decimal | string }): Promise<void> {
  const amount = new D(args.amount);
  if (!amount.gt(0)) throw new AppError("validation", "An allocation must be more than zero", { fieldErrors: { amount: ["Must be more than zero"] } });
  if (amount.decimalPlaces() > 2) throw new AppError("validation", "Amounts have at most 2 decimals", { fieldErrors: { amount: ["At most 2 decimals"] } });
  await take(run, args, "source", args.source, amount);
  await take(run, args, "target", args.target, amount);
  await run.query(
    `INSERT INTO "Allocation" (id, "companyId", "connectionId", "paymentId", "creditNoteId", "invoiceId", "refundId", amount, "createdById")
     VALUES ($1::text, $2::text, $3::text, $4::text, $5::text, $6::text, $7::text, $8::numeric, $9::text)`,
    [
      rowId(),
      args.companyId,
      args.connectionId,
      "paymentId" in args.source ? args.source.paymentId : null,
      "creditNoteId" in args.source ? args.source.creditNoteId : null,
      "invoiceId" in args.target ? args.target.invoiceId : null,
      "refundId" in args.target ? args.target.refundId : null,
      amount.toFixed(2),
      args.userId ?? null,
    ],
  );
}

type AllocationRow = { id: string; paymentId: string | null; creditNoteId: string | null; invoiceId: string | null; refundId: string | null; amount: string };
const allocationColumns = `id, "paymentId", "creditNoteId", "invoiceId", "refundId", amount::text AS amount`;
const sideColumn = (of: AllocationSource | AllocationTarget) => ("paymentId" in of ? "paymentId" : "creditNoteId" in of ? "creditNoteId" : "invoiceId" in of ? "invoiceId" : "refundId");
const sideId = (of: AllocationSource | AllocationTarget) => ("paymentId" in of ? of.paymentId : "creditNoteId" in of ? of.creditNoteId : "invoiceId" in of ? of.invoiceId : of.refundId);

/**
 * Undoes every allocation of one document, from either side (a voided payment, a cancelled invoice,
 * a reallocation), giving the amounts back to the other side. Returns the total released.
 */
export async function releaseAllocations(run: SqlRunner, args: { companyId: string; of: AllocationSource | AllocationTarget }): Promise<Decimal> {
  const rows = await run.query<AllocationRow>(`SELECT ${allocationColumns} FROM "Allocation" WHERE "companyId" = $1::text AND "${sideColumn(args.of)}" = $2::text ORDER BY "createdAt", id`, [args.companyId, sideId(args.of)]);
  let total = new D(0);
  for (const a of rows) {
    const amount = new D(a.amount);
    if (a.paymentId) await give(run, "Payment", "allocatedAmount", a.paymentId, amount);
    if (a.creditNoteId) await give(run, "Invoice", "settledAmount", a.creditNoteId, amount);
    if (a.invoiceId) await give(run, "Invoice", "settledAmount", a.invoiceId, amount);
    if (a.refundId) await give(run, "Payment", "allocatedAmount", a.refundId, amount);
    total = total.plus(amount);
  }
  if (rows.length) await run.query(`DELETE FROM "Allocation" WHERE "companyId" = $1::text AND id = ANY($2::text[])`, [args.companyId, rows.map((r) => r.id)]);
  return total;
}

/**
 * Gives back up to `amount` of a receipt's allocations to invoices and debit notes, newest allocation
 * first (a gateway refund of money that had paid them: the documents are open again by that much).
 * Returns the amount released.
 */
export async function releaseFromReceipt(run: SqlRunner, args: { companyId: string; paymentId: string; amount: Decimal | string }): Promise<Decimal> {
  let left = new D(args.amount);
  const rows = await run.query<AllocationRow>(
    `SELECT ${allocationColumns} FROM "Allocation" WHERE "companyId" = $1::text AND "paymentId" = $2::text AND "invoiceId" IS NOT NULL ORDER BY "createdAt" DESC, id DESC`,
    [args.companyId, args.paymentId],
  );
  let done = new D(0);
  for (const a of rows) {
    if (!left.gt(0)) break;
    const part = D.min(left, a.amount);
    await give(run, "Payment", "allocatedAmount", args.paymentId, part);
    await give(run, "Invoice", "settledAmount", a.invoiceId!, part);
    if (part.eq(a.amount)) await run.query(`DELETE FROM "Allocation" WHERE id = $1::text`, [a.id]);
    else await run.query(`UPDATE "Allocation" SET amount = amount - $2::numeric WHERE id = $1::text`, [a.id, part.toFixed(2)]);
    left = left.minus(part);
    done = done.plus(part);
  }
  return done;
}

/**
 * Allocates what is left of a source to the connection's open invoices and debit notes, oldest
 * due first (then oldest issued, then number), up to `limit` if given, in one statement
 * (allocateOldestFirstSql). Returns the amount allocated.
 */
export async function allocateOldestFirst(run: SqlRunner, args: Scope & { source: AllocationSource; limit?: Decimal | string }): Promise<Decimal> {
  const payment = "paymentId" in args.source;
  const [row] = await run.query<{ allocated: string; picked: number; made: number; emptied: { kind: string; day: string }[] }>(allocateOldestFirstSql[payment ? "payment" : "creditNote"], [
    args.companyId,
    args.connectionId,
    sideId(args.source),
    args.limit === undefined ? null : new D(args.limit).toFixed(2),
    args.userId ?? null,
    rowId(),
  ]);
  // Under the connection's lock nothing else moves these documents, so every pick is made; if not, nothing is kept.
  if (Number(row!.made) !== Number(row!.picked)) throw new AppError("conflict", "The open documents changed while allocating; try again");
  if (row!.emptied.length) await dropEmptyReceivables(run, args, row!.emptied);
  return new D(row!.allocated);
}

/**
 * $1 company  $2 connection  $3 the source (a recorded receipt, or an issued credit note)  $4 at most
 * this much (null: all it has left)  $5 who  $6 the allocations' ids' head (each gets its place after it,
 * so they sort in the order they were made, as their view lists them). The open invoices and debit notes, oldest due first, each
 * takes what is left of the budget after those before it (a running sum); then, as allocate() would one
 * by one: the documents' settled amounts, the allocation rows, the source's allocated amount, and what
 * each holds open (OpenReceivables: per due day of the documents paid, and the source's credit). It
 * answers the amount allocated, how many documents were picked and paid, and the OpenReceivables keys
 * left with no document (the caller deletes them).
 */
export const allocateOldestFirstSql = Object.fromEntries(
  (["payment", "creditNote"] as const).map((kind) => {
    const src =
      kind === "payment"
        ? `SELECT amount - "allocatedAmount" AS "left", "paidOn" AS day FROM "Payment"
           WHERE id = $3::text AND "companyId" = $1::text AND "connectionId" = $2::text AND kind = 'RECEIPT' AND status = 'RECORDED'`
        : `SELECT "grandTotal" - "settledAmount" AS "left", "issueDate" AS day FROM "Invoice"
           WHERE id = $3::text AND "companyId" = $1::text AND "connectionId" = $2::text AND type = 'CREDIT_NOTE' AND status = 'ISSUED'`;
    const takeFromSource =
      kind === "payment"
        ? `UPDATE "Payment" t SET "allocatedAmount" = t."allocatedAmount" + tot.amount, "updatedAt" = now() FROM tot
           WHERE t.id = $3::text AND tot.n > 0 AND t."allocatedAmount" + tot.amount <= t.amount
           RETURNING t.amount - t."allocatedAmount" AS "left"`
        : `UPDATE "Invoice" t SET "settledAmount" = t."settledAmount" + tot.amount, "updatedAt" = now() FROM tot
           WHERE t.id = $3::text AND tot.n > 0 AND t."settledAmount" + tot.amount <= t."grandTotal"
           RETURNING t."grandTotal" - t."settledAmount" AS "left"`;
    const sourceColumns = kind === "payment" ? `$3::text, NULL` : `NULL, $3::text`;
    return [
      kind,
      `
WITH src AS (${src}),
budget AS (SELECT LEAST(src."left", coalesce($4::numeric, src."left")) AS amount, src.day FROM src),
open AS (
  SELECT i.id, i."dueDate", i."grandTotal" - i."settledAmount" AS open,
         sum(i."grandTotal" - i."settledAmount") OVER (ORDER BY i."dueDate", i."issueDate", i.number, i.id) AS upto
  FROM "Invoice" i
  WHERE i."companyId" = $1::text AND i."connectionId" = $2::text AND i.status = 'ISSUED' AND i.type IN ('INVOICE', 'DEBIT_NOTE')
    AND i."settledAmount" < i."grandTotal"
),
pick AS (
  SELECT o.id, o."dueDate", LEAST(o.open, b.amount - (o.upto - o.open)) AS amount, o.open, row_number() OVER (ORDER BY o.upto) AS n
  FROM open o, budget b WHERE o.upto - o.open < b.amount
),
paid AS (
  UPDATE "Invoice" i SET "settledAmount" = i."settledAmount" + p.amount, "updatedAt" = now()
  FROM pick p WHERE i.id = p.id AND i."settledAmount" + p.amount <= i."grandTotal"
  RETURNING i.id, p."dueDate", p.amount, p.amount = p.open AS closed, p.n
),
rows AS (
  INSERT INTO "Allocation" (id, "companyId", "connectionId", "paymentId", "creditNoteId", "invoiceId", amount, "createdById")
  SELECT $6::text || lpad(paid.n::text, 6, '0'), $1::text, $2::text, ${sourceColumns}, paid.id, paid.amount, $5::text FROM paid
),
tot AS (SELECT coalesce(sum(amount), 0) AS amount, count(*) AS n FROM paid),
taken AS (${takeFromSource}),
due AS (
  INSERT INTO "OpenReceivables" ("companyId", kind, day, "connectionId", amount, documents)
  SELECT $1::text, 'DUE'::"ReceivableKind", "dueDate", $2::text, -sum(amount), -(count(*) FILTER (WHERE closed))::int FROM paid GROUP BY "dueDate" ORDER BY "dueDate"
  ${addToOpenReceivablesSql}
  RETURNING kind::text, day::text, documents
),
credit AS (
  INSERT INTO "OpenReceivables" ("companyId", kind, day, "connectionId", amount, documents)
  SELECT $1::text, 'CREDIT'::"ReceivableKind", b.day, $2::text, -tot.amount, CASE WHEN taken."left" = 0 THEN -1 ELSE 0 END FROM tot, budget b, taken
  ${addToOpenReceivablesSql}
  RETURNING kind::text, day::text, documents
)
SELECT (SELECT amount FROM tot)::text AS allocated, (SELECT count(*) FROM pick)::int AS picked,
       (SELECT CASE WHEN n = 0 OR EXISTS (SELECT 1 FROM taken) THEN n ELSE -1 END FROM tot)::int AS made,
       (SELECT coalesce(json_agg(json_build_object('kind', e.kind, 'day', e.day)), '[]') FROM (SELECT * FROM due UNION ALL SELECT * FROM credit) e WHERE e.documents = 0) AS emptied`,
    ];
  }),
) as Record<"payment" | "creditNote", string>;

/** Deletes the OpenReceivables rows (of one connection) that hold no document any more. */
async function dropEmptyReceivables(run: SqlRunner, scope: Scope, keys: { kind: string; day: string }[]) {
  await run.query(
    `DELETE FROM "OpenReceivables" r USING unnest($3::"ReceivableKind"[], $4::date[]) AS k(kind, day)
     WHERE r."companyId" = $1::text AND r."connectionId" = $2::text AND r.kind = k.kind AND r.day = k.day AND r.documents = 0`,
    [scope.companyId, scope.connectionId, keys.map((k) => k.kind), keys.map((k) => k.day)],
  );
}

/**
 * Funds a refund from the connection's unapplied credit, oldest first: receipts not yet allocated,
 * then credit notes not yet applied. Refuses when the credit is smaller than the refund.
 */
export async function fundRefundOldestFirst(run: SqlRunner, args: Scope & { refundId: string; amount: Decimal | string }): Promise<void> {
  let left = new D(args.amount);
  const credits = await run.query<{ kind: "payment" | "credit_note"; id: string; open: string }>(
    `SELECT 'payment' AS kind, id, (amount - "allocatedAmount")::text AS open, "paidOn" AS day, number FROM "Payment"
     WHERE "companyId" = $1::text AND "connectionId" = $2::text AND kind = 'RECEIPT' AND status = 'RECORDED' AND "allocatedAmount" < amount
     UNION ALL
     SELECT 'credit_note', id, ("grandTotal" - "settledAmount")::text, "issueDate", number FROM "Invoice"
     WHERE "companyId" = $1::text AND "connectionId" = $2::text AND type = 'CREDIT_NOTE' AND status = 'ISSUED' AND "settledAmount" < "grandTotal"
     ORDER BY day, number`,
    [args.companyId, args.connectionId],
  );
  const total = credits.reduce((s, c) => s.plus(c.open), new D(0));
  if (total.lt(left)) {
    throw new AppError("conflict", `The retailer has ₹${total.toFixed(2)} of unapplied credit; a refund cannot be more than that`, { details: { availableCredit: total.toFixed(2) } });
  }
  for (const c of credits) {
    if (!left.gt(0)) break;
    const amount = D.min(left, new D(c.open));
    const source: AllocationSource = c.kind === "payment" ? { paymentId: c.id } : { creditNoteId: c.id };
    await allocate(run, { ...args, source, target: { refundId: args.refundId }, amount });
    left = left.minus(amount);
  }
}

/** What a source still has to allocate. */
export async function available(run: SqlRunner, companyId: string, source: AllocationSource): Promise<Decimal> {
  const [row] =
    "paymentId" in source
      ? await run.query<{ left: string }>(`SELECT (amount - "allocatedAmount")::text AS "left" FROM "Payment" WHERE id = $1::text AND "companyId" = $2::text AND kind = 'RECEIPT' AND status = 'RECORDED'`, [source.paymentId, companyId])
      : await run.query<{ left: string }>(`SELECT ("grandTotal" - "settledAmount")::text AS "left" FROM "Invoice" WHERE id = $1::text AND "companyId" = $2::text AND type = 'CREDIT_NOTE' AND status = 'ISSUED'`, [source.creditNoteId, companyId]);
  return new D(row?.left ?? 0);
}

async function take(run: SqlRunner, scope: Scope, side: "source" | "target", doc: AllocationSource | AllocationTarget, amount: Decimal) {
  let rows: (InvoiceState | PaymentState)[];
  if ("paymentId" in doc || "refundId" in doc) {
    const id = "paymentId" in doc ? doc.paymentId : doc.refundId;
    const kind = "paymentId" in doc ? "RECEIPT" : "REFUND";
    rows = await run.query<PaymentState>(
      `UPDATE "Payment" SET "allocatedAmount" = "allocatedAmount" + $1::numeric, "updatedAt" = now()
       WHERE id = $2::text AND "companyId" = $3::text AND "connectionId" = $4::text AND kind = $5::"PaymentKind"
         AND status = 'RECORDED' AND "allocatedAmount" + $1::numeric <= amount
       RETURNING ${paymentState}`,
      [amount.toFixed(2), id, scope.companyId, scope.connectionId, kind],
    );
  } else {
    const id = "creditNoteId" in doc ? doc.creditNoteId : doc.invoiceId;
    const types = "creditNoteId" in doc ? ["CREDIT_NOTE"] : ["INVOICE", "DEBIT_NOTE"];
    rows = await run.query<InvoiceState>(
      `UPDATE "Invoice" SET "settledAmount" = "settledAmount" + $1::numeric, "updatedAt" = now()
       WHERE id = $2::text AND "companyId" = $3::text AND "connectionId" = $4::text AND type::text = ANY($5::text[])
         AND status = 'ISSUED' AND "settledAmount" + $1::numeric <= "grandTotal"
       RETURNING ${invoiceState}`,
      [amount.toFixed(2), id, scope.companyId, scope.connectionId, types],
    );
  }
  if (rows.length !== 1) {
    const what = side === "source" ? "The payment or credit note does not have that much left to allocate" : "That is more than is open on the document";
    throw new AppError("conflict", `${what} (₹${amount.toFixed(2)})`, { fieldErrors: { amount: [what] } });
  }
  const row = reviveState(rows[0]!);
  await moveOpenReceivables(run, receivableOf(withSettled(row, amount.negated())), receivableOf(row));
}

async function give(run: SqlRunner, table: "Payment" | "Invoice", column: "allocatedAmount" | "settledAmount", id: string, amount: Decimal) {
  const rows = await run.query<InvoiceState | PaymentState>(
    `UPDATE "${table}" SET "${column}" = "${column}" - $1::numeric, "updatedAt" = now() WHERE id = $2::text RETURNING ${table === "Invoice" ? invoiceState : paymentState}`,
    [amount.toFixed(2), id],
  );
  if (rows[0]) {
    const row = reviveState(rows[0]);
    await moveOpenReceivables(run, receivableOf(withSettled(row, amount)), receivableOf(row));
  }
}

const invoiceState = `"companyId", "connectionId", type::text AS type, status::text AS status, "issueDate"::text AS "issueDate", "dueDate"::text AS "dueDate", "grandTotal"::text AS "grandTotal", "settledAmount"::text AS "settledAmount"`;
const paymentState = `"companyId", "connectionId", kind::text AS kind, status::text AS status, "paidOn"::text AS "paidOn", amount::text AS amount, "allocatedAmount"::text AS "allocatedAmount"`;

/** A state row as selected above: its days (text) as UTC midnight, as Prisma gives them. */
function reviveState<T extends InvoiceState | PaymentState>(row: T): T {
  return revive<T>(row, { dates: "type" in row ? ["issueDate", "dueDate"] : ["paidOn"] });
}

/** The row with its settled (allocated) amount `delta` higher: as it was before a change of −`delta`. */
function withSettled<T extends InvoiceState | PaymentState>(row: T, delta: Decimal): T {
  return "type" in row ? { ...row, settledAmount: new D(row.settledAmount).plus(delta) } : { ...row, allocatedAmount: new D(row.allocatedAmount).plus(delta) };
}

import "server-only";
// Document numbers per company and Indian financial year (April–March): GRN/25-26/00001, SO/25-26/000001.
// Taken under a transaction-scoped advisory lock per company and document type, so concurrent
// documents get distinct, consecutive numbers; a rolled-back document frees its number again.
import { Prisma } from "@/lib/generated/prisma/client";

const tables = { GRN: "GoodsReceipt", TRF: "StockTransfer", CNT: "StockCount", SO: "Order" } as const;
/** Digits of the running number: orders are many more than stock documents (SO/25-26/000123). */
const widths: Record<DocumentPrefix, number> = { GRN: 5, TRF: 5, CNT: 5, SO: 6 };
export type DocumentPrefix = keyof typeof tables;

const IST_OFFSET_MS = 330 * 60 * 1000;

/** "25-26" for any instant from 1 April 2025 00:00 IST to 31 March 2026 23:59 IST. */
export function financialYearLabel(date: Date): string {
  const ist = new Date(date.getTime() + IST_OFFSET_MS);
  const start = ist.getUTCMonth() >= 3 ? ist.getUTCFullYear() : ist.getUTCFullYear() - 1;
  const yy = (y: number) => String(y % 100).padStart(2, "0");
  return `${yy(start)}-${yy(start + 1)}`;
}

export async function nextDocumentNumber(tx: Prisma.TransactionClient, args: { companyId: string; prefix: DocumentPrefix; date: Date }): Promise<string> {
  const head = `${args.prefix}/${financialYearLabel(args.date)}/`;
  await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtext(${args.companyId}), hashtext(${`doc:${args.prefix}`}))`;
  const table = Prisma.raw(`"${tables[args.prefix]}"`);
  const [{ last }] = await tx.$queryRaw<{ last: number | null }[]>`
    SELECT max(split_part(number, '/', 3)::int) AS last FROM ${table}
    WHERE "companyId" = ${args.companyId} AND number LIKE ${`${head}%`}`;
  return `${head}${String((last ?? 0) + 1).padStart(widths[args.prefix], "0")}`;
}

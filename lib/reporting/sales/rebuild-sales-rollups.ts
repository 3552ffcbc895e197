import "server-only";
// Rebuilds one company's sales rollups from its issued documents, in one transaction: for documents
// written around the domain functions (bulk loads such as bench/reports.ts) and as a repair tool.
// Issuing and cancelling keep the rollups current on their own (record-sales-rollups.ts).
import type { PrismaClient } from "@/lib/db/client";
import { applySalesRollupsSql } from "./rollup-write-sql";

export async function rebuildSalesRollups(db: PrismaClient, companyId: string): Promise<{ headerRows: number; productRows: number }> {
  return db.$transaction(
    async (tx) => {
      // Issues and cancellations already writing to the rollups finish first; new ones wait at their upsert
      // until this commits and then add their document on top (none is counted twice or lost). A rebuild is rare.
      await tx.$executeRaw`LOCK TABLE "SalesByDay", "SalesByMonth", "ProductSalesByDay", "ProductSalesByMonth" IN SHARE ROW EXCLUSIVE MODE`;
      for (const t of ["SalesByDay", "SalesByMonth", "ProductSalesByDay", "ProductSalesByMonth"] as const) {
        await tx.$executeRawUnsafe(`DELETE FROM "${t}" WHERE "companyId" = $1`, companyId);
      }
      const [r] = await tx.$queryRaw<{ headerRows: number; productRows: number }[]>(applySalesRollupsSql({ companyId, allIssued: true }, 1));
      return r ?? { headerRows: 0, productRows: 0 };
    },
    { timeout: 600_000, maxWait: 60_000 },
  );
}

import "server-only";
// What the e-invoice jobs run with: the database, a clock and the IRP client of a company.
// Production passes nothing; tests pass a clock (to cross the 24-hour line) or a fake NIC's fetch.
import { irpClientFor } from "@/lib/billing/einvoice/irp-client-for";
import { makeCtx, type Ctx } from "@/lib/ctx";
import { prisma, type PrismaClient } from "@/lib/db/client";
import type { IrpClient } from "@/lib/integrations/gst/einvoice/irp-client";

export type EInvoiceJobDeps = { db?: PrismaClient; now?: () => Date; fetch?: typeof fetch };

export function jobRuntime(deps: EInvoiceJobDeps, companyId: string): { ctx: Ctx; client: () => Promise<IrpClient> } {
  const db = deps.db ?? prisma;
  const ctx = makeCtx({ kind: "system", userId: null, name: "E-invoice job", companyId }, { db, now: deps.now });
  return { ctx, client: () => irpClientFor(db, companyId, { now: deps.now, fetch: deps.fetch }) };
}

import "server-only";
import { assertCan } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { updateCompanyInput } from "@/lib/company/company.schemas";
import { toCompanyView, type CompanyView } from "@/lib/company/get-company";
import type { Ctx } from "@/lib/ctx";
import { AppError, notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { parseInput } from "@/lib/validation";

export async function updateCompany(ctx: Ctx, input: unknown): Promise<CompanyView> {
  assertCan(ctx.actor, "company.write");
  const data = parseInput(updateCompanyInput, input);
  const companyId = ctx.actor.companyId;
  try {
    return await ctx.db.$transaction(async (tx) => {
      const before = await tx.company.findUnique({ where: { id: companyId }, omit: { logo: true } });
      if (!before) throw notFound("Company");
      // A GSTIN fixes the state: when only the GSTIN changes, the state follows it.
      const gstin = data.gstin === undefined ? before.gstin : data.gstin;
      if (gstin && data.stateCode === undefined) data.stateCode = gstin.slice(0, 2);
      if (gstin && data.stateCode && data.stateCode !== gstin.slice(0, 2)) {
        throw new AppError("validation", "State must match the GSTIN", { fieldErrors: { stateCode: ["State must match the state code in the GSTIN"] } });
      }
      const after = await tx.company.update({ where: { id: companyId }, data, omit: { logo: true } });
      await recordAudit(ctx, tx, { action: "company.update", entityType: "Company", entityId: companyId, before: pick(before, data), after: pick(after, data) });
      return toCompanyView(after);
    });
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
      throw new AppError("conflict", "Another company is already registered with this GSTIN", { fieldErrors: { gstin: ["Another company is already registered with this GSTIN"] } });
    }
    throw err;
  }
}

function pick(row: Record<string, unknown>, keys: object) {
  return Object.fromEntries(Object.keys(keys).map((k) => [k, row[k]]));
}

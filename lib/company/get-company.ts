import "server-only";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/ctx";
import { notFound } from "@/lib/errors";
import type { Company } from "@/lib/generated/prisma/client";
import { stateName } from "@/lib/integrations/gst/states";

export type CompanyView = Omit<Company, "logo" | "logoMimeType" | "logoUpdatedAt" | "createdAt" | "updatedAt"> & {
  stateName: string | null;
  logoUrl: string | null;
  createdAt: string;
  updatedAt: string;
};

export async function getCompanyOrThrow(ctx: Ctx): Promise<CompanyView> {
  assertCan(ctx.actor, "company.read");
  const company = await ctx.db.company.findUnique({ where: { id: ctx.actor.companyId }, omit: { logo: true } });
  if (!company) throw notFound("Company");
  return toCompanyView(company);
}

export function toCompanyView(c: Omit<Company, "logo">): CompanyView {
  const { logoMimeType, logoUpdatedAt, createdAt, updatedAt, ...rest } = c;
  return {
    ...rest,
    stateName: stateName(c.stateCode) ?? null,
    logoUrl: logoMimeType && logoUpdatedAt ? `/api/v1/company/logo?v=${logoUpdatedAt.getTime()}` : null,
    createdAt: createdAt.toISOString(),
    updatedAt: updatedAt.toISOString(),
  };
}

import "server-only";
// A vendor's logo for places without a session, above all the mails sent about its orders: served
// publicly by the vendor's public code (retailers already find vendors by it).
import type { PrismaClient } from "@/lib/db/client";
import { appUrl } from "@/lib/env";
import { notFound } from "@/lib/errors";

export async function getPublicLogoOrThrow(db: PrismaClient, code: string) {
  const row = await db.company.findUnique({ where: { code: code.toUpperCase() }, select: { logo: true, logoMimeType: true } });
  if (!row?.logo || !row.logoMimeType) throw notFound("Logo");
  return { bytes: Buffer.from(row.logo), mimeType: row.logoMimeType };
}

/** Absolute URL of a company's public logo (versioned, so a new logo is fetched anew), or null without one. */
export function publicLogoUrl(company: { code: string; logoUpdatedAt: Date | null }): string | null {
  if (!company.logoUpdatedAt) return null;
  return `${appUrl()}/api/v1/vendors/${encodeURIComponent(company.code)}/logo?v=${company.logoUpdatedAt.getTime()}`;
}

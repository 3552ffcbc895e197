import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/ctx";
import { AppError, notFound } from "@/lib/errors";
import { normalizeImage } from "@/lib/images/normalize-image";

export const LOGO_MAX_BYTES = 512 * 1024;
/** Longest side of a stored logo: ample for the dashboard, mails and a 54 pt box on the invoice. */
export const LOGO_MAX_SIDE = 1024;
const LOGO_TYPES: Record<string, (b: Buffer) => boolean> = {
  "image/png": (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  "image/jpeg": (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  "image/webp": (b) => b.subarray(0, 4).toString("ascii") === "RIFF" && b.subarray(8, 12).toString("ascii") === "WEBP",
};

/**
 * Stores the company logo (printed on invoices). The bytes must match the declared type and decode as
 * an image; what is stored is sharp's re-encoding (PNG, or JPEG for a JPEG), without metadata.
 */
export async function setCompanyLogo(ctx: Ctx, input: { mimeType: string | null; bytes: Buffer | undefined }) {
  assertCan(ctx.actor, "company.write");
  const mimeType = (input.mimeType ?? "").split(";")[0].trim().toLowerCase();
  const check = LOGO_TYPES[mimeType];
  if (!check) throw new AppError("validation", "The logo must be a PNG, JPEG or WebP image", { fieldErrors: { logo: ["Use a PNG, JPEG or WebP image"] } });
  const bytes = input.bytes;
  if (!bytes?.length) throw new AppError("validation", "The logo file is empty", { fieldErrors: { logo: ["Choose an image file"] } });
  if (bytes.length > LOGO_MAX_BYTES) throw new AppError("validation", "The logo is larger than 512 KB", { fieldErrors: { logo: ["Use an image under 512 KB"] } });
  if (!check(bytes)) throw new AppError("validation", `The file is not a valid ${mimeType.replace("image/", "").toUpperCase()} image`, { fieldErrors: { logo: ["The file content does not match its type"] } });
  const image = await normalizeImage(bytes, { field: "logo", maxSide: LOGO_MAX_SIDE, printable: true });
  const companyId = ctx.actor.companyId;
  const now = ctx.now();
  await ctx.db.$transaction(async (tx) => {
    await tx.company.update({ where: { id: companyId }, data: { logo: new Uint8Array(image.bytes), logoMimeType: image.mimeType, logoUpdatedAt: now } });
    await recordAudit(ctx, tx, { action: "company.logo_set", entityType: "Company", entityId: companyId, after: { mimeType: image.mimeType, bytes: image.bytes.length, width: image.width, height: image.height } });
  });
  return { logoUrl: `/api/v1/company/logo?v=${now.getTime()}` };
}

export async function removeCompanyLogo(ctx: Ctx) {
  assertCan(ctx.actor, "company.write");
  const companyId = ctx.actor.companyId;
  await ctx.db.$transaction(async (tx) => {
    await tx.company.update({ where: { id: companyId }, data: { logo: null, logoMimeType: null, logoUpdatedAt: null } });
    await recordAudit(ctx, tx, { action: "company.logo_remove", entityType: "Company", entityId: companyId });
  });
}

export async function getCompanyLogoOrThrow(ctx: Ctx) {
  assertCan(ctx.actor, "company.read");
  const row = await ctx.db.company.findUnique({ where: { id: ctx.actor.companyId }, select: { logo: true, logoMimeType: true, logoUpdatedAt: true } });
  if (!row?.logo || !row.logoMimeType) throw notFound("Logo");
  return { bytes: Buffer.from(row.logo), mimeType: row.logoMimeType, updatedAt: row.logoUpdatedAt };
}

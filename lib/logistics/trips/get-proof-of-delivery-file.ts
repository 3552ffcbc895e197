import "server-only";
// The signature or photo a driver took at a stop, for staff who may see the company's trips; another
// company's trip or stop, a stop without proof or a proof without that image is 404.
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/ctx";
import { notFound } from "@/lib/errors";

export async function getProofOfDeliveryFile(ctx: Ctx, tripId: string, stopId: string, kind: string): Promise<{ data: Uint8Array; contentType: string }> {
  assertCan(ctx.actor, "logistics.read");
  if (kind !== "signature" && kind !== "photo") throw notFound("Proof of delivery image");
  const p = await ctx.db.proofOfDelivery.findFirst({
    where: { stopId: String(stopId), companyId: ctx.actor.companyId, stop: { tripId: String(tripId) } },
    // Only the image asked for leaves the database.
    select: { signature: kind === "signature", signatureType: true, photo: kind === "photo", photoType: true },
  });
  if (!p) throw notFound("Proof of delivery");
  const data = kind === "signature" ? p.signature : p.photo;
  const contentType = kind === "signature" ? p.signatureType : p.photoType;
  if (!data || !contentType) throw notFound(kind === "signature" ? "Signature" : "Photo");
  return { data: new Uint8Array(data), contentType };
}

import "server-only";
// Proof of delivery for a dispatched order: who received it, when, an optional note and photo.
import type { Ctx } from "@/lib/ctx";
import { AppError } from "@/lib/errors";
import { normalizeImage } from "@/lib/images/normalize-image";
import { deliverOrderInput } from "@/lib/orders/orders.schemas";
import { transitionOrder } from "@/lib/orders/transition-order";
import type { OrderView } from "@/lib/orders/views";
import { parseInput } from "@/lib/validation";

export const MAX_DELIVERY_PHOTO_BYTES = 2 * 1024 * 1024;
/** Longest side of a stored delivery photo: enough to read a signature or a shop board. */
const DELIVERY_PHOTO_MAX_SIDE = 2560;
/** A delivery time may run a little ahead of the server clock (a phone's clock), not more. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

export async function deliverOrder(ctx: Ctx, orderId: string, input: unknown): Promise<OrderView> {
  const data = parseInput(deliverOrderInput, input);
  const now = ctx.now();
  const deliveredAt = data.deliveredAt ? new Date(data.deliveredAt) : now;
  if (deliveredAt.getTime() > now.getTime() + CLOCK_SKEW_MS) throw new AppError("validation", "The delivery time cannot be in the future", { fieldErrors: { deliveredAt: ["Cannot be in the future"] } });
  const photo = data.photo ? await decodePhoto(data.photo) : null;
  return transitionOrder(ctx, orderId, {
    action: "deliver",
    event: "delivered",
    work: async (_tx, order) => {
      if (order.dispatchedAt && deliveredAt < order.dispatchedAt) throw new AppError("validation", "The delivery time is before the order was dispatched", { fieldErrors: { deliveredAt: ["Before dispatch"] } });
      return {
        patch: { deliveredAt, receivedBy: data.receivedBy, deliveryNote: data.note ?? null, ...(photo ? { deliveryPhoto: photo.bytes, deliveryPhotoType: photo.contentType } : {}) },
        note: data.note,
        data: { receivedBy: data.receivedBy, deliveredAt: deliveredAt.toISOString(), hasPhoto: photo !== null },
      };
    },
  });
}

const signatures: Record<string, (b: Uint8Array) => boolean> = {
  "image/jpeg": (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  "image/png": (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47,
  "image/webp": (b) => String.fromCharCode(...b.subarray(0, 4)) === "RIFF" && String.fromCharCode(...b.subarray(8, 12)) === "WEBP",
};

/** The photo's bytes, checked against the declared type and re-encoded by sharp without metadata (no GPS, no payloads). */
export async function decodePhoto(p: { contentType: string; dataBase64: string }, field = "photo") {
  const clean = p.dataBase64.replace(/^data:[^;]+;base64,/, "").replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) throw new AppError("validation", "The photo is not valid base64", { fieldErrors: { [`${field}.dataBase64`]: ["Not valid base64"] } });
  const bytes = new Uint8Array(Buffer.from(clean, "base64"));
  if (bytes.length > MAX_DELIVERY_PHOTO_BYTES) throw new AppError("validation", "The photo is larger than 2 MB", { fieldErrors: { [`${field}.dataBase64`]: ["Larger than 2 MB"] } });
  if (bytes.length < 12 || !signatures[p.contentType]?.(bytes)) throw new AppError("validation", `The photo is not a ${p.contentType.replace("image/", "").toUpperCase()} image`, { fieldErrors: { [`${field}.contentType`]: ["Does not match the file"] } });
  const image = await normalizeImage(bytes, { field: `${field}.dataBase64`, maxSide: DELIVERY_PHOTO_MAX_SIDE });
  return { bytes: new Uint8Array(image.bytes), contentType: image.mimeType };
}

// The image types the app stores and serves. No sharp import: route code can use this cheaply.
export const IMAGE_TYPES = ["image/png", "image/jpeg", "image/webp"] as const;
export type ImageType = (typeof IMAGE_TYPES)[number];

/** The declared Content-Type, reduced to one of ours, or null. */
export function imageTypeOf(declared: string | null | undefined): ImageType | null {
  const t = (declared ?? "").split(";")[0].trim().toLowerCase();
  return (IMAGE_TYPES as readonly string[]).includes(t) ? (t as ImageType) : null;
}

import "server-only";
// Every uploaded image is decoded and encoded afresh before it is stored: what we serve back is
// pixels we wrote, never the uploader's bytes. A file that only starts like a PNG (and goes on as
// HTML or script), a polyglot with a payload in a metadata chunk, EXIF with the shop's GPS position:
// none of it survives. Anything sharp cannot decode is refused, naming the form field.
import sharp from "sharp";
import { AppError } from "@/lib/errors";
import type { ImageType } from "@/lib/images/image-types";

/** Refuse images beyond this many pixels before decoding them (a small file can declare a huge canvas). */
export const MAX_INPUT_PIXELS = 40_000_000;

export type NormalizeOptions = {
  /** The field named in the error: "logo", "image", "photo.dataBase64". */
  field: string;
  /** Longest side after re-encoding; larger images are scaled down to fit. */
  maxSide: number;
  /** The output must be printable by react-pdf (PNG or JPEG): WebP becomes PNG. */
  printable?: boolean;
};

export type NormalizedImage = { bytes: Buffer; mimeType: ImageType; width: number; height: number };

export async function normalizeImage(input: Buffer | Uint8Array, opts: NormalizeOptions): Promise<NormalizedImage> {
  const refuse = (message: string, fieldMessage = message) => new AppError("validation", message, { fieldErrors: { [opts.field]: [fieldMessage] } });
  const source = () => sharp(input, { failOn: "error", limitInputPixels: MAX_INPUT_PIXELS, sequentialRead: true, animated: false });
  let format: string | undefined;
  try {
    format = (await source().metadata()).format;
  } catch (err) {
    throw tooLarge(err) ? refuse("The image has too many pixels", `At most ${MAX_INPUT_PIXELS / 1_000_000} megapixels`) : refuse("The file is not an image we can read", "Not a readable PNG, JPEG or WebP image");
  }
  const out = format === "jpeg" ? "jpeg" : format === "png" ? "png" : format === "webp" ? (opts.printable ? "png" : "webp") : null;
  if (!out) throw refuse("The image must be a PNG, JPEG or WebP file", "Use a PNG, JPEG or WebP image");
  try {
    // autoOrient applies the EXIF rotation before the metadata (EXIF, XMP, ICC, text chunks) is dropped.
    let pipeline = source().autoOrient().resize({ width: opts.maxSide, height: opts.maxSide, fit: "inside", withoutEnlargement: true });
    pipeline = out === "jpeg" ? pipeline.jpeg({ quality: 85, mozjpeg: true }) : out === "png" ? pipeline.png({ compressionLevel: 9, palette: false }) : pipeline.webp({ quality: 85 });
    const { data, info } = await pipeline.toBuffer({ resolveWithObject: true });
    return { bytes: data, mimeType: `image/${out}`, width: info.width, height: info.height };
  } catch (err) {
    throw tooLarge(err) ? refuse("The image has too many pixels", `At most ${MAX_INPUT_PIXELS / 1_000_000} megapixels`) : refuse("The file is not an image we can read", "Not a readable PNG, JPEG or WebP image");
  }
}

function tooLarge(err: unknown) {
  return /pixel limit/i.test(String((err as Error)?.message ?? err));
}

// Real, decodable images for upload tests (uploads are decoded and re-encoded, so signed junk no longer
// passes), and the attacker's files: a PNG signature followed by HTML, a valid PNG carrying a script in
// a text chunk and after its end, a JPEG with GPS in its EXIF.
import sharp from "sharp";

const solid = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: { r: 200, g: 40, b: 40 } } });

export const pngImage = (width = 4, height = 3) => solid(width, height).png().toBuffer();
export const jpegImage = (width = 4, height = 3) => solid(width, height).jpeg().toBuffer();
export const webpImage = (width = 4, height = 3) => solid(width, height).webp().toBuffer();

/** A noisy JPEG (noise does not compress) of at least `minBytes`. */
export async function bigJpeg(minBytes: number): Promise<Buffer> {
  for (let side = 600; ; side += 100) {
    const raw = Buffer.alloc(side * side * 3);
    for (let i = 0; i < raw.length; i++) raw[i] = (i * 2654435761) >>> 24;
    const jpeg = await sharp(raw, { raw: { width: side, height: side, channels: 3 } }).jpeg({ quality: 100 }).toBuffer();
    if (jpeg.length >= minBytes) return jpeg;
  }
}

export const HTML_PAYLOAD = "<html><body><script>alert(document.cookie)</script></body></html>";

/** Starts with the 8-byte PNG signature, goes on as an HTML page: what a sniffing browser would render. */
export const pngSignatureThenHtml = () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(HTML_PAYLOAD)]);

/** A valid PNG with the payload in a tEXt chunk and again after IEND (a polyglot). */
export async function pngWithHtmlInside(): Promise<Buffer> {
  const png = await pngImage(8, 8);
  const iend = png.length - 12;
  const text = Buffer.from(`Comment\0${HTML_PAYLOAD}`, "latin1");
  const chunk = Buffer.alloc(12 + text.length);
  chunk.writeUInt32BE(text.length, 0);
  chunk.write("tEXt", 4, "ascii");
  text.copy(chunk, 8);
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + text.length)), 8 + text.length);
  return Buffer.concat([png.subarray(0, iend), chunk, png.subarray(iend), Buffer.from(HTML_PAYLOAD)]);
}

/** A JPEG whose EXIF says where it was taken. */
export const jpegWithGps = () =>
  solid(16, 16)
    .jpeg()
    .withExif({ IFD0: { Make: "PhoneCo", ImageDescription: HTML_PAYLOAD }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "18/1 31/1 0/1", GPSLongitudeRef: "E", GPSLongitude: "73/1 51/1 0/1" } })
    .toBuffer();

export async function describeImage(bytes: Uint8Array) {
  const m = await sharp(bytes).metadata();
  return { format: m.format, width: m.width, height: m.height, hasExif: !!m.exif };
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

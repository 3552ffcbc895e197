// Renders the app icons in public/ from public/icon.svg (run after changing the mark):
// favicon.ico (16, 32 and 48 px PNGs in one ICO), apple-touch-icon.png (180), icon-192.png, icon-512.png.
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";

const dir = path.resolve(import.meta.dirname, "../public");
const svg = fs.readFileSync(path.join(dir, "icon.svg"));
const png = (size: number) => sharp(svg, { density: 72 * (size / 64) * 2 }).resize(size, size).png().toBuffer();

async function main() {
  const sizes = [16, 32, 48];
  const images = await Promise.all(sizes.map(png));
  // ICO: a 6-byte header, a 16-byte entry per image, then the PNGs (PNG payloads are valid since Vista).
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map((img, i) => {
    const e = Buffer.alloc(16);
    e.writeUInt8(sizes[i] % 256, 0);
    e.writeUInt8(sizes[i] % 256, 1);
    e.writeUInt16LE(1, 4);
    e.writeUInt16LE(32, 6);
    e.writeUInt32LE(img.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += img.length;
    return e;
  });
  fs.writeFileSync(path.join(dir, "favicon.ico"), Buffer.concat([header, ...entries, ...images]));
  fs.writeFileSync(path.join(dir, "apple-touch-icon.png"), await png(180));
  fs.writeFileSync(path.join(dir, "icon-192.png"), await png(192));
  fs.writeFileSync(path.join(dir, "icon-512.png"), await png(512));
}

void main();

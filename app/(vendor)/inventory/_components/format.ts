// Quantities as people read them: Indian grouping, no trailing zeros, with the unit ("12.5 kg").
import { formatIndianNumber } from "@/lib/format";

const short: Record<string, string> = { PCS: "pcs", NOS: "nos", KGS: "kg", GMS: "g", QTL: "qtl", TON: "t", LTR: "L", MLT: "ml", MTR: "m", SQM: "m²", BOX: "box", BAG: "bag", BDL: "bdl", BTL: "btl", CAN: "can", CTN: "ctn", DOZ: "doz", PAC: "pkt", PRS: "pairs", ROL: "roll", SET: "set", TBS: "tabs", UNT: "units" };

export function unitLabel(unit: string) {
  return short[unit] ?? unit.toLowerCase();
}

/** "1,250.5" — up to 3 decimals, trailing zeros dropped. */
export function formatQty(q: string | number) {
  const s = formatIndianNumber(q, 3);
  return s.includes(".") ? s.replace(/\.?0+$/, "") : s;
}

export function qtyWithUnit(q: string | number, unit: string) {
  return `${formatQty(q)} ${unitLabel(unit)}`;
}

/** "+5" / "−2.5" (a real minus sign) / "0". */
export function signedQty(q: string | number) {
  const n = Number(q);
  if (n === 0) return "0";
  return n > 0 ? `+${formatQty(q)}` : `−${formatQty(String(q).replace(/^-/, ""))}`;
}

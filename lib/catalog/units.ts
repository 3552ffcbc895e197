// Units of measure and how finely each may be counted: THE table of the product's unit (a GST
// "UQC" code, as the product stores it) → its name and the decimals a quantity in it may have.
// Things counted one by one (pieces, boxes, packets, bottles, …) take whole numbers only; things
// measured (kilograms, litres, metres, …) take up to 3 decimals, the precision quantities are
// stored with. Every door that takes a quantity of a product — cart, orders, returns, invoices,
// stock moves, product and price imports, the API — checks it with `unitQuantityErrors` here, and
// every quantity input takes its step and keyboard from `quantityInputProps`, so the rule is one.
// Pure: no database, no server-only imports (forms use it in the browser).
import { AppError, type FieldErrors } from "@/lib/errors";

type UnitRule = { name: string; decimals: number };

const UNIT_TABLE = {
  PCS: { name: "Pieces", decimals: 0 },
  NOS: { name: "Numbers", decimals: 0 },
  KGS: { name: "Kilograms", decimals: 3 },
  // Grams and millilitres are already the small unit: nobody trades half a gram loose.
  GMS: { name: "Grams", decimals: 0 },
  QTL: { name: "Quintal", decimals: 3 },
  TON: { name: "Tonnes", decimals: 3 },
  LTR: { name: "Litres", decimals: 3 },
  MLT: { name: "Millilitres", decimals: 0 },
  MTR: { name: "Metres", decimals: 3 },
  SQM: { name: "Square metres", decimals: 3 },
  BOX: { name: "Box", decimals: 0 },
  BAG: { name: "Bag", decimals: 0 },
  BDL: { name: "Bundle", decimals: 0 },
  BTL: { name: "Bottle", decimals: 0 },
  CAN: { name: "Can", decimals: 0 },
  CTN: { name: "Carton", decimals: 0 },
  // Half a dozen is 6 pieces but 0.1 dozen is not a whole piece: dozens are counted whole.
  DOZ: { name: "Dozen", decimals: 0 },
  PAC: { name: "Packet", decimals: 0 },
  PRS: { name: "Pairs", decimals: 0 },
  ROL: { name: "Roll", decimals: 0 },
  SET: { name: "Set", decimals: 0 },
  TBS: { name: "Tablets", decimals: 0 },
  UNT: { name: "Units", decimals: 0 },
} as const satisfies Record<string, UnitRule>;

export type UnitCode = keyof typeof UNIT_TABLE;
export const UNIT_CODES = Object.keys(UNIT_TABLE) as [UnitCode, ...UnitCode[]];

/** Unit code → the name people say ("KGS" → "Kilograms"), for pickers and labels. */
export const UNITS = Object.fromEntries(UNIT_CODES.map((c) => [c, UNIT_TABLE[c].name])) as { [K in UnitCode]: (typeof UNIT_TABLE)[K]["name"] };

/** The storage precision of every quantity column (numeric(14,3)). */
export const MAX_QUANTITY_DECIMALS = 3;

export function isUnitCode(unit: string): unit is UnitCode {
  return Object.hasOwn(UNIT_TABLE, unit);
}

/**
 * How many decimals a quantity in `unit` may have. A code outside the table (a free-text invoice
 * line's unit, a row older than the table) gets the storage precision: nothing to count by.
 */
export function unitDecimals(unit: string | null | undefined): number {
  const u = (unit ?? "").trim().toUpperCase();
  return isUnitCode(u) ? UNIT_TABLE[u].decimals : MAX_QUANTITY_DECIMALS;
}

/**
 * What is wrong with `quantity` in `unit`, or null: "Quantity must be a whole number of PCS",
 * "Quantity can have at most 3 decimals for KGS". `label` names the field ("Pack size",
 * "Counted quantity"). The sign does not matter (adjustments are signed); the number's own shape
 * (digits, ≤ 3 decimals) is the schema's job, so text that is not a number passes here.
 */
export function quantityUnitError(quantity: string | number | { toFixed(): string }, unit: string | null | undefined, label = "Quantity"): string | null {
  const text = typeof quantity === "string" ? quantity.trim().replace(/,/g, "") : typeof quantity === "number" ? String(quantity) : quantity.toFixed();
  const m = /^[+-]?\d*(?:\.(\d*))?$/.exec(text);
  if (!m || text === "" || text === ".") return null;
  const used = (m[1] ?? "").replace(/0+$/, "").length;
  const allowed = unitDecimals(unit);
  if (used <= allowed) return null;
  const code = (unit ?? "").trim().toUpperCase() || "this unit";
  return allowed === 0 ? `${label} must be a whole number of ${code}` : `${label} can have at most ${allowed} decimal${allowed === 1 ? "" : "s"} for ${code}`;
}

export type QuantityCheck = {
  /** The input path the error goes on: "quantity", "lines.2.quantity", "minOrderQty". */
  field: string;
  quantity: string | number | { toFixed(): string } | null | undefined;
  unit: string | null | undefined;
  /** How the message names the field (default "Quantity"). */
  label?: string;
};

/** The field errors of every check that fails (empty when all fit their units). */
export function unitQuantityErrors(checks: Iterable<QuantityCheck>): FieldErrors {
  const errors: FieldErrors = {};
  for (const c of checks) {
    if (c.quantity === null || c.quantity === undefined) continue;
    const message = quantityUnitError(c.quantity, c.unit, c.label);
    if (message) (errors[c.field] ??= []).push(message);
  }
  return errors;
}

/** Throws one `validation` error naming every quantity that does not fit its unit; nothing to write then. */
export function assertQuantitiesFitUnits(checks: Iterable<QuantityCheck>): void {
  const fieldErrors = unitQuantityErrors(checks);
  const fields = Object.keys(fieldErrors);
  if (fields.length === 0) return;
  const first = fieldErrors[fields[0]!]![0]!;
  throw new AppError("validation", fields.length === 1 ? first : `${first} (and ${fields.length - 1} more)`, { fieldErrors });
}

/**
 * The attributes of a quantity input for a product in `unit`: a numeric keypad and step 1 for
 * whole units, a decimal keypad and a step of the unit's precision otherwise. An unknown unit (no
 * product picked yet) allows decimals, as the server will judge once it knows the product.
 */
export function quantityInputProps(unit: string | null | undefined): { inputMode: "numeric" | "decimal"; step: string } {
  const d = unitDecimals(unit);
  return d === 0 ? { inputMode: "numeric", step: "1" } : { inputMode: "decimal", step: (1 / 10 ** d).toFixed(d) };
}

// What a worker thread receives is a structured clone: Dates and typed arrays survive it, a Decimal
// (a class instance) arrives as a bare object without its methods and a Buffer as a Uint8Array.
// toTransfer marks both on the way out; fromTransfer turns them back on the other side.
import { Prisma } from "@/lib/generated/prisma/client";

const DECIMAL = "$decimal";
const BUFFER = "$buffer";

export function toTransfer(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  if (Prisma.Decimal.isDecimal(value)) return { [DECIMAL]: value.toString() };
  if (Buffer.isBuffer(value)) return { [BUFFER]: new Uint8Array(value) };
  if (value instanceof Date || ArrayBuffer.isView(value)) return value;
  if (Array.isArray(value)) return value.map(toTransfer);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = toTransfer(v);
  return out;
}

export function fromTransfer(value: unknown): unknown {
  if (value === null || typeof value !== "object" || value instanceof Date || ArrayBuffer.isView(value)) return value;
  if (Array.isArray(value)) return value.map(fromTransfer);
  const o = value as Record<string, unknown>;
  if (typeof o[DECIMAL] === "string" && Object.keys(o).length === 1) return new Prisma.Decimal(o[DECIMAL]);
  if (o[BUFFER] instanceof Uint8Array && Object.keys(o).length === 1) return Buffer.from(o[BUFFER].buffer, o[BUFFER].byteOffset, o[BUFFER].byteLength);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) out[k] = fromTransfer(v);
  return out;
}

// Rows read as JSON by one SQL statement (a row and its relations in one round trip) come back with
// numerics as JSON numbers and timestamps as ISO strings; the ORM gives Decimal and Date. `revive`
// turns the named columns back, so such a row can stand in for the ORM's. Each caller has a test that
// compares its rows with the ORM's, so a column added later and not named here fails there.
import { Prisma } from "@/lib/generated/prisma/client";

type Json = Record<string, unknown>;

export function revive<T>(row: Json, columns: { decimals?: readonly string[]; dates?: readonly string[] }): T {
  const out: Json = { ...row };
  for (const k of columns.decimals ?? []) if (out[k] !== null && out[k] !== undefined) out[k] = new Prisma.Decimal(String(out[k]));
  for (const k of columns.dates ?? []) if (out[k] !== null && out[k] !== undefined) out[k] = new Date(out[k] as string);
  return out as T;
}

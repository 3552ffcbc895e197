// Proves prisma/schema.prisma and the migrated database agree: tables, columns, types,
// nullability, defaults, primary keys, unique constraints, indexes and foreign keys.
import { readFileSync } from "node:fs";
import { getDMMF } from "@prisma/internals";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

type Field = { name: string; dbName?: string | null; kind: string; type: string; isRequired: boolean; isList: boolean; isId: boolean; isUnique: boolean; hasDefaultValue: boolean; default?: unknown; nativeType?: [string, string[]] | null; relationFromFields?: string[]; relationToFields?: string[]; relationOnDelete?: string };
type Model = { name: string; dbName: string | null; fields: Field[]; primaryKey: { fields: string[] } | null; uniqueFields: string[][] };

let client: pg.Client;
let models: Model[];
let enums: { name: string; values: { name: string }[] }[];
let indexes: { model: string; type: string; fields: { name: string }[]; dbName?: string | null }[];

beforeAll(async () => {
  const dmmf = await getDMMF({ datamodel: readFileSync("prisma/schema.prisma", "utf8") });
  models = dmmf.datamodel.models as unknown as Model[];
  enums = dmmf.datamodel.enums as unknown as typeof enums;
  indexes = (dmmf.datamodel as unknown as { indexes: typeof indexes }).indexes;
  client = new pg.Client({ connectionString: inject("databaseUrl") });
  await client.connect();
});
afterAll(() => client.end());

const q = async <T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) => (await client.query<T>(sql, params)).rows;
const table = (m: Model) => m.dbName ?? m.name;
const column = (m: Model, field: string) => m.fields.find((f) => f.name === field)?.dbName ?? field;

function expectedType(f: Field): string {
  if (f.kind === "enum") return f.type;
  const native = f.nativeType;
  if (native) {
    const [name, args] = native;
    const map: Record<string, string> = { Char: "character", VarChar: "character varying", Timestamptz: "timestamp with time zone", Timestamp: "timestamp without time zone", Uuid: "uuid", Text: "text", Decimal: "numeric", Date: "date", BigInt: "bigint", SmallInt: "smallint", Integer: "integer", Inet: "inet" };
    const base = map[name] ?? name.toLowerCase();
    if (!args.length) return base;
    // PostgreSQL prints the precision of timestamps inside the type name: timestamp(3) with time zone.
    if (base.startsWith("timestamp")) return base.replace("timestamp", `timestamp(${args[0]})`);
    return `${base}(${args.join(",")})`;
  }
  const scalar: Record<string, string> = { String: "text", Int: "integer", BigInt: "bigint", Boolean: "boolean", DateTime: "timestamp(3) without time zone", Float: "double precision", Decimal: "numeric(65,30)", Json: "jsonb", Bytes: "bytea" };
  return scalar[f.type];
}

describe("schema.prisma and the migrated database agree", () => {
  it("has exactly the tables of the schema (plus _prisma_migrations)", async () => {
    const rows = await q<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`);
    const actual = rows.map((r) => r.table_name).filter((t) => t !== "_prisma_migrations").sort();
    expect(actual).toEqual(models.map(table).sort());
  });

  it("has the schema's enums with the same values", async () => {
    const rows = await q<{ typname: string; labels: string[] }>(`SELECT t.typname, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'public' GROUP BY t.typname`);
    const actual = Object.fromEntries(rows.map((r) => [r.typname, r.labels]));
    expect(actual).toEqual(Object.fromEntries(enums.map((e) => [e.name, e.values.map((v) => v.name)])));
  });

  it("has every column with the same type, nullability and default", async () => {
    const rows = await q<{ table_name: string; column_name: string; type: string; not_null: boolean; has_default: boolean; default_expr: string | null }>(`
      SELECT c.relname AS table_name, a.attname AS column_name, format_type(a.atttypid, a.atttypmod) AS type,
             a.attnotnull AS not_null, d.adbin IS NOT NULL AS has_default, pg_get_expr(d.adbin, d.adrelid) AS default_expr
      FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped AND c.relname <> '_prisma_migrations'`);
    const actual = rows.map((r) => ({ column: `${r.table_name}.${r.column_name}`, type: r.type.replace(/"/g, ""), notNull: r.not_null, dbDefault: r.has_default })).sort((a, b) => a.column.localeCompare(b.column));
    const expected = models
      .flatMap((m) =>
        m.fields
          .filter((f) => f.kind === "scalar" || f.kind === "enum")
          .map((f) => {
            const d = f.default as { name?: string } | string | number | boolean | undefined;
            // cuid()/uuid() and @updatedAt are filled in by Prisma Client, not by the database.
            const clientSide = typeof d === "object" && d !== null && ["cuid", "uuid", "nanoid"].includes(d.name ?? "");
            return { column: `${table(m)}.${column(m, f.name)}`, type: expectedType(f), notNull: f.isRequired, dbDefault: f.hasDefaultValue && !clientSide };
          }),
      )
      .sort((a, b) => a.column.localeCompare(b.column));
    expect(actual).toEqual(expected);
  });

  it("has the same primary keys, unique constraints and indexes", async () => {
    const rows = await q<{ table_name: string; index_name: string; is_unique: boolean; is_primary: boolean; columns: string[] }>(`
      SELECT t.relname AS table_name, i.relname AS index_name, ix.indisunique AS is_unique, ix.indisprimary AS is_primary,
             array_agg(a.attname::text ORDER BY k.ord) AS columns
      FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid JOIN pg_class t ON t.oid = ix.indrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace
      JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord) ON true
      JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
      WHERE n.nspname = 'public' AND t.relname <> '_prisma_migrations' AND ix.indpred IS NULL
      GROUP BY t.relname, i.relname, ix.indisunique, ix.indisprimary`);
    const actual = rows.map((r) => `${r.table_name}:${r.is_primary ? "pk" : r.is_unique ? "unique" : "index"}:${r.columns.join(",")}`).sort();
    const expected: string[] = [];
    for (const m of models) {
      const pk = m.primaryKey?.fields ?? m.fields.filter((f) => f.isId).map((f) => f.name);
      expected.push(`${table(m)}:pk:${pk.map((f) => column(m, f)).join(",")}`);
      for (const f of m.fields.filter((f) => f.isUnique)) expected.push(`${table(m)}:unique:${column(m, f.name)}`);
    }
    for (const ix of indexes.filter((i) => i.type === "unique" || i.type === "normal")) {
      const m = models.find((x) => x.name === ix.model)!;
      if (ix.type === "unique" && ix.fields.length === 1 && m.fields.find((f) => f.name === ix.fields[0].name)?.isUnique) continue;
      expected.push(`${table(m)}:${ix.type === "unique" ? "unique" : "index"}:${ix.fields.map((f) => column(m, f.name)).join(",")}`);
    }
    expect(actual).toEqual([...new Set(expected)].sort());
    // Partial indexes (a WHERE clause) cannot be written in schema.prisma; each lives in its migration only,
    // and this list is where a new one is declared.
    const partial = await q<{ name: string }>(`
      SELECT t.relname || '.' || i.relname AS name FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid JOIN pg_class t ON t.oid = ix.indrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = 'public' AND ix.indpred IS NOT NULL ORDER BY 1`);
    expect(partial.map((r) => r.name)).toEqual(["Invoice.Invoice_open_due_idx", "Invoice.Invoice_unpaid_idx", "Order.Order_open_value_idx"]);
  });

  it("has the same foreign keys with the same delete rules", async () => {
    const rows = await q<{ def: string; table_name: string }>(`
      SELECT c.conrelid::regclass::text AS table_name, pg_get_constraintdef(c.oid) AS def
      FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE c.contype = 'f' AND n.nspname = 'public'`);
    const actual = rows
      .map((r) => {
        const m = /FOREIGN KEY \((.+?)\) REFERENCES (.+?)\((.+?)\)(?: ON UPDATE (CASCADE|RESTRICT|SET NULL|SET DEFAULT|NO ACTION))?(?: ON DELETE (CASCADE|RESTRICT|SET NULL|SET DEFAULT|NO ACTION))?/.exec(r.def)!;
        return `${r.table_name.replace(/"/g, "")}(${m[1].replace(/"/g, "")})->${m[2].replace(/"/g, "")}(${m[3].replace(/"/g, "")}) delete:${(m[5] ?? "NO ACTION").toUpperCase()}`;
      })
      .sort();
    const rule: Record<string, string> = { Cascade: "CASCADE", Restrict: "RESTRICT", SetNull: "SET NULL", NoAction: "NO ACTION", SetDefault: "SET DEFAULT" };
    const expected = models
      .flatMap((m) =>
        m.fields
          .filter((f) => f.kind === "object" && f.relationFromFields?.length)
          .map((f) => {
            const target = models.find((x) => x.name === f.type)!;
            const onDelete = f.relationOnDelete ?? (f.isRequired ? "Restrict" : "SetNull");
            return `${table(m)}(${f.relationFromFields!.map((c) => column(m, c)).join(", ")})->${table(target)}(${f.relationToFields!.map((c) => column(target, c)).join(", ")}) delete:${rule[onDelete]}`;
          }),
      )
      .sort();
    expect(actual).toEqual(expected);
  });
});

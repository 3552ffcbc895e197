// What a backup holds, read from the database's catalog: the app's tables (schema "public", less the
// migration runner's own `_prisma_migrations`, which a restore rebuilds by migrating) in an order
// where every table comes after the tables its foreign keys point to, and their sequences.
import type pg from "pg";
import type { BackupTable } from "./backup-file";

export const BACKUP_SCHEMAS = ["public"];
const SKIPPED = new Set(["public._prisma_migrations"]);

type Queryable = Pick<pg.Client, "query">;

export async function listTables(db: Queryable): Promise<(BackupTable & { partitioned: boolean })[]> {
  const { rows } = await db.query<{ oid: number; schema: string; name: string; kind: string; columns: string[] }>(
    `SELECT c.oid::int AS oid, n.nspname AS schema, c.relname AS name, c.relkind::text AS kind,
            array(SELECT a.attname::text FROM pg_attribute a
                  WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
                  ORDER BY a.attnum) AS columns
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = ANY($1) AND c.relkind IN ('r', 'p') AND NOT c.relispartition
      ORDER BY n.nspname, c.relname`,
    [BACKUP_SCHEMAS],
  );
  const tables = rows.filter((t) => !SKIPPED.has(`${t.schema}.${t.name}`));
  const { rows: fks } = await db.query<{ child: number; parent: number }>(
    `SELECT conrelid::int AS child, confrelid::int AS parent FROM pg_constraint
      WHERE contype = 'f' AND connamespace IN (SELECT oid FROM pg_namespace WHERE nspname = ANY($1))`,
    [BACKUP_SCHEMAS],
  );
  return parentsFirst(tables, fks).map((t) => ({ schema: t.schema, name: t.name, columns: t.columns, partitioned: t.kind === "p" }));
}

export async function listSequences(db: Queryable): Promise<string[]> {
  const { rows } = await db.query<{ name: string }>(
    `SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) AS name
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = ANY($1) AND c.relkind = 'S' ORDER BY 1`,
    [BACKUP_SCHEMAS],
  );
  return rows.map((r) => r.name);
}

/**
 * Kahn's topological order, alphabetical among equals so the file is stable. A table referencing
 * itself is fine (a statement's foreign keys are checked at its end). Tables in a cycle, should one
 * ever exist, come last; restore drops and re-adds the keys that point forward in the file.
 */
function parentsFirst<T extends { oid: number; schema: string; name: string }>(tables: T[], fks: { child: number; parent: number }[]): T[] {
  const byOid = new Map(tables.map((t) => [t.oid, t]));
  const waitingOn = new Map(tables.map((t) => [t.oid, new Set<number>()]));
  for (const fk of fks) if (fk.child !== fk.parent && byOid.has(fk.child) && byOid.has(fk.parent)) waitingOn.get(fk.child)!.add(fk.parent);
  const order: T[] = [];
  const placed = new Set<number>();
  for (;;) {
    const ready = tables.filter((t) => !placed.has(t.oid) && [...waitingOn.get(t.oid)!].every((p) => placed.has(p)));
    if (ready.length === 0) break;
    for (const t of ready) {
      placed.add(t.oid);
      order.push(t);
    }
  }
  return [...order, ...tables.filter((t) => !placed.has(t.oid))];
}

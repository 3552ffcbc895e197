// The hot paths' statements on the app's own connections are named (prepared once per connection, then
// only their parameters are sent); behind PgBouncer in transaction mode (DATABASE_POOLER=pgbouncer) they go
// unnamed, because a statement prepared on one server connection is unknown on the next.
import pg from "pg";
import { afterAll, expect, inject, it } from "vitest";
import { pgRunner } from "@/lib/db/sql-runner";

const pool = new pg.Pool({ connectionString: inject("databaseUrl"), max: 1 });
afterAll(() => pool.end());

async function preparedOnConnection(client: pg.PoolClient) {
  const { rows } = await client.query<{ name: string; statement: string }>(`SELECT name, statement FROM pg_prepared_statements WHERE name LIKE 'erp\\_%'`);
  return rows;
}

it("a statement is prepared once per connection and then reused; the same text keeps its name", async () => {
  const client = await pool.connect();
  try {
    const run = pgRunner(client);
    const text = "SELECT $1::int + 1 AS n /* sql-runner test */";
    expect(await run.query<{ n: number }>(text, [1])).toEqual([{ n: 2 }]);
    expect(await run.query<{ n: number }>(text, [41])).toEqual([{ n: 42 }]);
    const prepared = (await preparedOnConnection(client)).filter((p) => p.statement === text);
    expect(prepared).toHaveLength(1);
    // Another text is another statement.
    await run.query("SELECT $1::text AS s /* sql-runner test 2 */", ["x"]);
    expect((await preparedOnConnection(client)).length).toBeGreaterThanOrEqual(2);
  } finally {
    client.release();
  }
});

it("behind PgBouncer nothing is prepared", async () => {
  const before = process.env.DATABASE_POOLER;
  process.env.DATABASE_POOLER = "pgbouncer";
  const client = await pool.connect();
  try {
    await client.query("DEALLOCATE ALL");
    const run = pgRunner(client);
    expect(await run.query<{ n: number }>("SELECT $1::int * 2 AS n /* behind pgbouncer */", [21])).toEqual([{ n: 42 }]);
    expect(await preparedOnConnection(client)).toEqual([]);
  } finally {
    // The pg client remembers what it prepared on this connection; DEALLOCATE ALL above made that memory
    // wrong, so the connection is not reused.
    client.release(true);
    if (before === undefined) delete process.env.DATABASE_POOLER;
    else process.env.DATABASE_POOLER = before;
  }
});

it("a statement planned on each call (a company's search) is not prepared; the others still are", async () => {
  const client = await pool.connect();
  try {
    await client.query("DEALLOCATE ALL");
    const search = "SELECT $1::text || '%' AS pattern /* planned on each call */";
    expect(await pgRunner(client, { planEachCall: true }).query<{ pattern: string }>(search, ["dal"])).toEqual([{ pattern: "dal%" }]);
    expect(await preparedOnConnection(client)).toEqual([]);
    await pgRunner(client).query("SELECT $1::int AS n /* named */", [1]);
    expect((await preparedOnConnection(client)).map((p) => p.statement)).toEqual(["SELECT $1::int AS n /* named */"]);
  } finally {
    client.release(true);
  }
});

// The server ending an idle connection of the app's pool (a restart, a failover, an administrator's
// terminate, a dropped database) is logged, not an uncaught exception that takes the instance down; the
// next query gets a new connection.
import pg from "pg";
import { expect, inject, it } from "vitest";
import { pool, prisma } from "@/lib/db/client";

it("an idle pooled connection ended by the server does not crash the process; the next query works", async () => {
  const p = pool();
  const client = await p.connect();
  const { rows: [{ pid }] } = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
  client.release(); // idle in the pool now
  expect(p.listenerCount("error")).toBeGreaterThan(0);

  const uncaught: unknown[] = [];
  const onUncaught = (e: unknown) => uncaught.push(e);
  process.on("uncaughtException", onUncaught);
  const admin = new pg.Client({ connectionString: inject("databaseUrl") });
  await admin.connect();
  try {
    const { rows: [{ ok }] } = await admin.query<{ ok: boolean }>("SELECT pg_terminate_backend($1) AS ok", [pid]);
    expect(ok).toBe(true);
    // The terminate message reaches the idle client: wait until the pool has let it go.
    for (let i = 0; i < 50 && (await admin.query("SELECT 1 FROM pg_stat_activity WHERE pid = $1", [pid])).rowCount; i++) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 100));
  } finally {
    await admin.end();
    process.off("uncaughtException", onUncaught);
  }
  expect(uncaught).toEqual([]);
  expect(await prisma.$queryRaw<{ one: number }[]>`SELECT 1::int AS one`).toEqual([{ one: 1 }]);
});

// One fresh database per test run: on the embedded PostgreSQL by default, or on the server
// named by TEST_DATABASE_URL (CI also runs the suite against the machine's PostgreSQL 15).
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { createDatabaseIfMissing, startEmbeddedPostgres } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { installJobSchema } from "@/lib/jobs/install";

let stopServer: (() => Promise<void>) | undefined;
let dropDatabase: (() => Promise<void>) | undefined;

export async function setup(project: TestProject) {
  const name = `erp_test_${Date.now()}_${process.pid}`;
  let adminUrl: string;
  if (process.env.TEST_DATABASE_URL) {
    adminUrl = process.env.TEST_DATABASE_URL;
  } else {
    const server = await startEmbeddedPostgres({ dataDir: path.join(process.cwd(), ".data", "test-postgres"), database: "postgres", durable: false });
    stopServer = server.stop;
    adminUrl = server.url;
  }
  await createDatabaseIfMissing(adminUrl, name);
  const url = withDatabase(adminUrl, name);
  await migrate(url);
  // pg-boss's schema and queues, once, before test files start enqueueing in parallel.
  await installJobSchema(url);
  project.provide("databaseUrl", url);
  project.provide("adminDatabaseUrl", adminUrl);
  dropDatabase = async () => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.end();
  };
}

export async function teardown() {
  await dropDatabase?.().catch((e) => console.error("could not drop test database:", e));
  await stopServer?.();
}

export function withDatabase(url: string, database: string) {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    adminDatabaseUrl: string;
  }
}

// Creates pg-boss's schema and every queue in a database, then lets go: run after migrations by
// `npm run db:migrate`, the launcher and the test setup, so the first enqueue never has to.
import { PgBoss } from "pg-boss";
import { ensureQueues } from "@/lib/jobs/boss";

export async function installJobSchema(databaseUrl: string) {
  const boss = new PgBoss({ connectionString: databaseUrl, schema: "pgboss", max: 1, supervise: false, schedule: false });
  await boss.start();
  try {
    await ensureQueues(boss);
  } finally {
    await boss.stop({ graceful: false, close: true });
  }
}

// npm run db:migrate — applies pending migrations to DATABASE_URL or the embedded database.
import { resolveDatabase } from "../lib/db/database";
import { migrate } from "../lib/db/migrate";
import { installJobSchema } from "../lib/jobs/install";

const db = await resolveDatabase();
try {
  const r = await migrate(db.directUrl, { log: (m) => console.log(m) });
  console.log(`migrations: ${r.applied.length} applied, ${r.alreadyApplied.length} already in place`);
  await installJobSchema(db.directUrl);
  console.log("background job queues (pg-boss) in place");
} catch (err) {
  console.error((err as Error).message);
  process.exitCode = 1;
} finally {
  await db.stop();
}

// npm run db:new-migration -- add_products — creates prisma/migrations/<timestamp>_<name>/migration.sql
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

const name = (process.argv[2] ?? "").toLowerCase().replace(/[^a-z0-9_]+/g, "_").replace(/^_|_$/g, "");
if (!name) {
  console.error("usage: npm run db:new-migration -- <name>");
  process.exit(2);
}
const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
const dir = path.join("prisma", "migrations", `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, "migration.sql"), `-- ${name}\n-- Write the SQL for the change you made in prisma/schema.prisma; the schema-drift test checks they agree.\n`);
console.log(`created ${dir}/migration.sql`);

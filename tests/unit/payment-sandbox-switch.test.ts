// The local payment sandbox marks invoices paid without money moving: a production deployment
// (NODE_ENV=production without DEMO_MODE) must not offer it.
import { afterEach, describe, expect, it, vi } from "vitest";

async function allowed(env: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v as string);
  return (await import("@/lib/env")).paymentSandboxAllowed();
}

afterEach(() => vi.unstubAllEnvs());

describe("the local payment sandbox switch", () => {
  it("is off in production and on in the demo, development and tests", async () => {
    expect(await allowed({ NODE_ENV: "production", DEMO_MODE: undefined, DATABASE_URL: undefined })).toBe(false);
    expect(await allowed({ NODE_ENV: "production", DEMO_MODE: "on", OUTBOX_KEY: "k".repeat(20), DATABASE_URL: undefined })).toBe(true);
    expect(await allowed({ NODE_ENV: "development", DEMO_MODE: undefined })).toBe(true);
    expect(await allowed({ NODE_ENV: "test", DEMO_MODE: undefined })).toBe(true);
  });
});

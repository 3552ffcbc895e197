// The settings of several instances: a pooler, the primary direct, a replica and its lag limit, the
// idempotency lease and the job supervisor's interval. A bad value stops start-up naming the variable.
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";

describe("several-instance settings", () => {
  it("default to no pooler, no replica, 30 s of replica lag, a 60 s idempotency lease and a 60 s job supervisor", () => {
    expect(parseEnv({})).toMatchObject({ DATABASE_POOLER: "none", REPLICA_MAX_LAG_SECONDS: 30, IDEMPOTENCY_LEASE_SECONDS: 60, JOBS_SUPERVISE_SECONDS: 60 });
    expect(parseEnv({}).DATABASE_REPLICA_URL).toBeUndefined();
    const e = parseEnv({
      DATABASE_URL: "postgresql://app@127.0.0.1:6432/erp",
      DATABASE_POOLER: "pgbouncer",
      DATABASE_DIRECT_URL: "postgresql://app@127.0.0.1:5432/erp",
      DATABASE_REPLICA_URL: "postgresql://app@127.0.0.1:5433/erp",
      REPLICA_MAX_LAG_SECONDS: "5",
    });
    expect(e).toMatchObject({ DATABASE_POOLER: "pgbouncer", DATABASE_DIRECT_URL: "postgresql://app@127.0.0.1:5432/erp", REPLICA_MAX_LAG_SECONDS: 5 });
  });

  it.each([
    ["DATABASE_POOLER", "pgpool", /DATABASE_POOLER: DATABASE_POOLER must be "none" or "pgbouncer"/],
    ["DATABASE_REPLICA_URL", "replica-host", /DATABASE_REPLICA_URL/],
    ["DATABASE_DIRECT_URL", "not a url", /DATABASE_DIRECT_URL/],
    ["REPLICA_MAX_LAG_SECONDS", "-1", /REPLICA_MAX_LAG_SECONDS: REPLICA_MAX_LAG_SECONDS must be 0 or more/],
    ["IDEMPOTENCY_LEASE_SECONDS", "0", /IDEMPOTENCY_LEASE_SECONDS: IDEMPOTENCY_LEASE_SECONDS must be at least 1/],
    ["JOBS_SUPERVISE_SECONDS", "0", /JOBS_SUPERVISE_SECONDS: JOBS_SUPERVISE_SECONDS must be at least 1/],
  ])("refuses %s=%s, naming it", (name, value, message) => {
    expect(() => parseEnv({ [name]: value })).toThrow(message);
  });
});

describe("PDF_RENDER_THREADS", () => {
  it("is unset by default and when empty (the pool then takes one thread when there is a second core), else the number given", () => {
    expect(parseEnv({}).PDF_RENDER_THREADS).toBeUndefined();
    expect(parseEnv({ PDF_RENDER_THREADS: "" }).PDF_RENDER_THREADS).toBeUndefined();
    expect(parseEnv({ PDF_RENDER_THREADS: "0" }).PDF_RENDER_THREADS).toBe(0);
    expect(parseEnv({ PDF_RENDER_THREADS: "3" }).PDF_RENDER_THREADS).toBe(3);
  });

  it.each([
    ["-1", /PDF_RENDER_THREADS: PDF_RENDER_THREADS must be 0 or more/],
    ["1.5", /PDF_RENDER_THREADS: PDF_RENDER_THREADS must be a whole number/],
    ["64", /PDF_RENDER_THREADS: PDF_RENDER_THREADS can be at most 16/],
    ["two", /PDF_RENDER_THREADS/],
  ])("refuses PDF_RENDER_THREADS=%s, naming it", (value, message) => {
    expect(() => parseEnv({ PDF_RENDER_THREADS: value })).toThrow(message);
  });
});

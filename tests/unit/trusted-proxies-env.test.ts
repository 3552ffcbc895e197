import { afterEach, describe, expect, it, vi } from "vitest";

// lib/env.ts reads the environment once; each case loads a fresh copy.
async function envWith(value: string | undefined) {
  vi.resetModules();
  if (value === undefined) vi.stubEnv("TRUSTED_PROXIES", undefined as unknown as string);
  else vi.stubEnv("TRUSTED_PROXIES", value);
  const { env } = await import("@/lib/env");
  return () => env().TRUSTED_PROXIES;
}

describe("TRUSTED_PROXIES", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("defaults to empty: no proxy is trusted", async () => {
    expect((await envWith(undefined))()).toBe("");
  });

  it("accepts IPv4 and IPv6 addresses and CIDR ranges", async () => {
    expect((await envWith("10.0.0.0/8, 192.0.2.1,fd00::/8,::1"))()).toBe("10.0.0.0/8, 192.0.2.1,fd00::/8,::1");
  });

  it.each(["proxy.internal", "10.0.0.0/33", "fd00::/129", "10.0.0.0/8/1", "10.0.0.0/x", "*"])("refuses %s with a message naming the variable", async (bad) => {
    const read = await envWith(bad);
    expect(read).toThrow(/TRUSTED_PROXIES must be IP addresses or CIDR ranges/);
  });
});

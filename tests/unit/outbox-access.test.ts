// The local outbox holds reset codes and invitation links: closed unless DEMO_MODE=on, and then only
// for a browser that presented OUTBOX_KEY.
import { afterEach, describe, expect, it, vi } from "vitest";

async function load(env: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v as string);
  const access = await import("@/lib/dev/outbox-access");
  const route = await import("@/app/dev/outbox-key/route");
  const page = await import("@/app/dev/outbox/page");
  return { access, route, page };
}

const notFoundDigest = (e: unknown) => String((e as { digest?: string })?.digest ?? "");

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("the mail outbox", () => {
  it("is 404 by default (no DEMO_MODE), even without a mail provider", async () => {
    const { access, route, page } = await load({ DEMO_MODE: undefined, RESEND_API_KEY: undefined, OUTBOX_KEY: "k".repeat(32) });
    expect(access.outboxEnabled()).toBe(false);
    await expect(page.default()).rejects.toSatisfy((e) => notFoundDigest(e).includes("404"));
    await expect(route.GET(new Request(`http://localhost/dev/outbox-key?key=${"k".repeat(32)}`))).rejects.toSatisfy((e) => notFoundDigest(e).includes("404"));
  });

  it("stays closed when a mail provider is set, demo mode or not", async () => {
    const { access } = await load({ DEMO_MODE: "on", RESEND_API_KEY: "re_live_key", OUTBOX_KEY: "k".repeat(32) });
    expect(access.outboxEnabled()).toBe(false);
  });

  it("in demo mode, refuses a wrong key and opens with the right one (an HttpOnly, SameSite cookie that is not the key)", async () => {
    const key = "demo-outbox-key-0123456789abcdef";
    const { access, route } = await load({ DEMO_MODE: "on", RESEND_API_KEY: undefined, OUTBOX_KEY: key, DATABASE_URL: undefined });
    expect(access.outboxEnabled()).toBe(true);
    const wrong = await route.GET(new Request("http://localhost/dev/outbox-key?key=guess"));
    expect(wrong.status).toBe(303);
    expect(wrong.headers.get("location")).toBe("/dev/outbox/unlock?wrong=1");
    expect(wrong.headers.get("set-cookie")).toBeNull();
    const none = await route.GET(new Request("http://localhost/dev/outbox-key"));
    expect(none.headers.get("set-cookie")).toBeNull();

    const right = await route.GET(new Request(`http://localhost/dev/outbox-key?key=${key}`));
    expect(right.headers.get("location")).toBe("/dev/outbox");
    const cookie = right.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^erp_outbox=[0-9a-f]{64}; Path=\/dev; HttpOnly; SameSite=Strict/);
    expect(cookie).not.toContain(key);

    const form = new FormData();
    form.set("key", key);
    const posted = await route.POST(new Request("http://localhost/dev/outbox-key", { method: "POST", body: form }));
    expect(posted.headers.get("set-cookie")).toMatch(/^erp_outbox=/);
  });

  it("demo mode refuses to start against a database on another host", async () => {
    const { env } = await (async () => {
      vi.resetModules();
      vi.stubEnv("DEMO_MODE", "on");
      vi.stubEnv("OUTBOX_KEY", "k".repeat(32));
      vi.stubEnv("DATABASE_URL", "postgresql://erp:pw@db.prod.internal:5432/vendor_erp");
      return import("@/lib/env");
    })();
    expect(() => env()).toThrow(/DEMO_MODE=on refuses a database on another host/);
  });
});

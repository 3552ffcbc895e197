// proxy.ts itself, called as Next.js calls it: the headers of a page and of an API path, the nonce
// handed to the render (and not one a client sent), and HSTS once HSTS_MAX_AGE is set.
import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";

async function loadProxy(envVars: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [k, v] of Object.entries(envVars)) vi.stubEnv(k, v);
  return (await import("@/proxy")).proxy;
}

describe("proxy.ts", () => {
  it("gives a page a fresh nonce in its CSP and passes that nonce, not the client's, to the render", async () => {
    const proxy = await loadProxy({ HSTS_MAX_AGE: undefined, NODE_ENV: "production" });
    const res = proxy(new NextRequest("http://localhost:3000/orders", { headers: { "x-nonce": "attacker", "content-security-policy": "script-src *" } }));
    const csp = res.headers.get("content-security-policy")!;
    const nonce = /'nonce-([^']+)'/.exec(csp)![1];
    expect(nonce).not.toBe("attacker");
    expect(res.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
    expect(res.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("strict-transport-security")).toBeNull();
    const again = proxy(new NextRequest("http://localhost:3000/orders")).headers.get("content-security-policy");
    expect(again).not.toBe(csp);
  });

  it("API paths get the allow-nothing policy and no nonce", async () => {
    const proxy = await loadProxy({ HSTS_MAX_AGE: undefined, NODE_ENV: "production" });
    const res = proxy(new NextRequest("http://localhost:3000/api/v1/orders", { headers: { "x-nonce": "attacker" } }));
    expect(res.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'; sandbox");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-middleware-request-x-nonce")).toBeNull();
  });

  it("the API skips the proxy, and next.config.ts sends it the proxy's headers (PDFs without the sandbox)", async () => {
    const proxy = await loadProxy({ HSTS_MAX_AGE: undefined, NODE_ENV: "production" });
    const { config } = await import("@/proxy");
    const proxied = (path: string) => config.matcher.some((m) => new RegExp(`^${m}$`).test(path));
    expect(["/api/v1/orders", "/api/auth/session", "/api/health", "/_next/static/x.js"].filter(proxied)).toEqual([]);
    expect(["/orders", "/api-docs", "/api-docs/orders", "/portal/invoices/x", "/"].every(proxied)).toBe(true);

    const rules = await (await import("@/next.config")).default.headers!();
    const sent = (path: string) => {
      const out: Record<string, string> = {};
      for (const r of rules) if (new RegExp(`^${r.source.replace(/:path\*/g, ".*")}$`).test(path)) for (const h of r.headers) out[h.key] = h.value;
      return out;
    };
    const viaProxy = (path: string) => Object.fromEntries([...proxy(new NextRequest(`http://localhost:3000${path}`)).headers].filter(([k]) => !k.startsWith("x-middleware")));
    expect(sent("/api/v1/orders")).toEqual(viaProxy("/api/v1/orders"));
    expect(sent("/api/v1/invoices/abc/pdf")).toEqual(viaProxy("/api/v1/invoices/abc/pdf"));
    expect(sent("/api/v1/invoices/abc/pdf")["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(sent("/api/v1/invoices/pdfs")["content-security-policy"]).toContain("sandbox");
  });

  it("sends HSTS when HSTS_MAX_AGE is set", async () => {
    const proxy = await loadProxy({ HSTS_MAX_AGE: "31536000", NODE_ENV: "production" });
    const res = proxy(new NextRequest("https://erp.example.com/login"));
    expect(res.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
    expect(res.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
    vi.unstubAllEnvs();
  });

  it("refuses a page address with NUL or another control character (it would reach the database) with 400", async () => {
    const proxy = await loadProxy({ HSTS_MAX_AGE: undefined, NODE_ENV: "production" });
    for (const url of ["http://localhost:3000/orders?q=%00", "http://localhost:3000/portal/catalog?q=a%1Bb", "http://localhost:3000/orders/%00", "http://localhost:3000/orders/%E0%A4"]) {
      const res = proxy(new NextRequest(url));
      expect(res.status, url).toBe(400);
      expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
      expect(res.headers.get("x-middleware-next")).toBeNull();
    }
    expect(proxy(new NextRequest("http://localhost:3000/orders?q=Sharma%20%E0%A4%95%E0%A4%BF%E0%A4%B0%E0%A4%BE%E0%A4%A8%E0%A4%BE%09x")).headers.get("x-middleware-next")).toBe("1");
  });
});

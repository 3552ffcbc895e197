import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fileContentSecurityPolicy, isFilePath, newNonce, pageContentSecurityPolicy, securityHeaders, staticFileHeaders } from "@/lib/http/security-headers";

const directives = (csp: string) => Object.fromEntries(csp.split(";").map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));

describe("security headers", () => {
  it("a page's CSP runs only this request's nonce'd scripts: no unsafe-inline, no eval, nothing frames it", () => {
    const csp = directives(pageContentSecurityPolicy({ nonce: "abc123==", pathname: "/dashboard" }));
    expect(csp["script-src"]).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(csp["style-src"]).toEqual(["'self'", "'nonce-abc123=='"]);
    expect(csp["style-src-attr"]).toEqual(["'unsafe-inline'"]);
    expect(csp["frame-ancestors"]).toEqual(["'none'"]);
    expect(csp["object-src"]).toEqual(["'none'"]);
    expect(csp["base-uri"]).toEqual(["'self'"]);
    expect(csp["form-action"]).toEqual(["'self'"]);
    expect(csp["img-src"]).toEqual(["'self'", "data:", "blob:"]);
    expect(csp["connect-src"]).toEqual(["'self'"]);
    expect(csp["frame-src"]).toEqual(["'none'"]);
    expect(csp).not.toHaveProperty("upgrade-insecure-requests");
    // No gateway host on a vendor page.
    expect(JSON.stringify(csp)).not.toContain("razorpay");
  });

  it("only the portal's invoice pages allow Razorpay Checkout (script and frame), and its popups", () => {
    for (const pathname of ["/portal/invoices", "/portal/invoices/inv_1"]) {
      const csp = directives(pageContentSecurityPolicy({ nonce: "n", pathname }));
      expect(csp["script-src"]).toEqual(expect.arrayContaining(["'nonce-n'", "'strict-dynamic'", "https://checkout.razorpay.com"]));
      expect(csp["frame-src"]).toEqual(["https://api.razorpay.com", "https://checkout.razorpay.com"]);
      expect(csp["connect-src"]).toEqual(expect.arrayContaining(["'self'", "https://api.razorpay.com"]));
      // Stripe Checkout is a hosted page the browser is sent to: nothing of Stripe's loads here.
      expect(JSON.stringify(csp)).not.toContain("stripe");
    }
    const h = securityHeaders({ pathname: "/portal/invoices/x", nonce: "n" });
    expect(h["cross-origin-opener-policy"]).toBe("same-origin-allow-popups");
    expect(h["permissions-policy"]).toContain('payment=(self "https://checkout.razorpay.com"');
    // The rest of the portal, and a path that merely starts with the same letters, get nothing.
    for (const pathname of ["/portal", "/portal/cart/SGAF/checkout", "/portal/statement", "/portal/invoicesx"]) {
      expect(pageContentSecurityPolicy({ nonce: "n", pathname })).not.toContain("razorpay");
      expect(securityHeaders({ pathname, nonce: "n" })["cross-origin-opener-policy"]).toBe("same-origin");
    }
  });

  it("development adds what next dev needs, production never does", () => {
    const dev = directives(pageContentSecurityPolicy({ nonce: "n", pathname: "/", dev: true }));
    expect(dev["script-src"]).toContain("'unsafe-eval'");
    expect(dev["script-src"]).not.toContain("'unsafe-inline'");
    expect(pageContentSecurityPolicy({ nonce: "n", pathname: "/" })).not.toMatch(/unsafe-eval|'unsafe-inline'.*script/);
  });

  it("API and file responses get a policy that allows nothing; PDFs are not sandboxed (the viewer would be blocked)", () => {
    expect(fileContentSecurityPolicy()).toBe("default-src 'none'; frame-ancestors 'none'; sandbox");
    expect(securityHeaders({ pathname: "/api/v1/orders" })["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'; sandbox");
    expect(securityHeaders({ pathname: "/api/v1/invoices/x/pdf" })["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
    // A nonce is never used for an API path, even if one is passed.
    expect(securityHeaders({ pathname: "/api/v1/company/logo", nonce: "n" })["content-security-policy"]).toContain("sandbox");
    expect(isFilePath("/api/v1/company/logo")).toBe(true);
    expect(isFilePath("/favicon.ico")).toBe(true);
    expect(isFilePath("/orders/cm123")).toBe(false);
    expect(isFilePath("/login")).toBe(false);
  });

  it("every response carries the fixed set; HSTS only when configured", () => {
    for (const h of [securityHeaders({ pathname: "/login", nonce: "n" }), securityHeaders({ pathname: "/api/v1/me" }), Object.fromEntries(staticFileHeaders().map((x) => [x.key, x.value]))]) {
      expect(h).toMatchObject({ "x-frame-options": "DENY", "x-content-type-options": "nosniff", "referrer-policy": "strict-origin-when-cross-origin" });
      expect(h["permissions-policy"]).toContain("camera=()");
      expect(h["permissions-policy"]).toContain("microphone=()");
      expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
      expect(h).not.toHaveProperty("strict-transport-security");
    }
    const tls = securityHeaders({ pathname: "/login", nonce: "n", hstsMaxAge: 31536000 });
    expect(tls["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
    expect(tls["content-security-policy"]).toMatch(/; upgrade-insecure-requests$/);
  });

  it("nonces are 128 random bits, new each time", () => {
    const a = newNonce();
    expect(Buffer.from(a, "base64")).toHaveLength(16);
    expect(newNonce()).not.toBe(a);
  });
});

describe("page status codes", () => {
  // A loading.tsx is a Suspense boundary: the 200 and the skeleton are streamed before the page below
  // it runs, so a notFound() there can no longer change the status. An [id] page must therefore have
  // no loading.tsx at or above its segment (list pages keep theirs inside an (index) route group).
  it("no loading.tsx sits above or beside a dynamic [param] page", () => {
    const app = path.join(import.meta.dirname, "..", "..", "app");
    const offenders: string[] = [];
    const walk = (dir: string, loadingAbove: string | null, dynamicAbove: boolean) => {
      const entries = readdirSync(dir, { withFileTypes: true });
      const here = entries.some((e) => e.isFile() && e.name === "loading.tsx") ? path.relative(app, dir) : null;
      const boundary = loadingAbove ?? here;
      const dynamic = dynamicAbove || /\[/.test(path.basename(dir));
      if (dynamic && boundary !== null && entries.some((e) => e.isFile() && e.name === "page.tsx")) offenders.push(`${path.relative(app, dir)} (loading.tsx in ${boundary || "app"})`);
      for (const e of entries) if (e.isDirectory()) walk(path.join(dir, e.name), boundary, dynamic);
    };
    walk(app, null, false);
    expect(offenders).toEqual([]);
  });
});

// Auth.js's own endpoints answer malformed or foreign callback URLs with a redirect to our own pages,
// never a 500 and never an open redirect, and build their URLs from APP_URL, not the listen address.
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import * as authRoute from "@/app/api/auth/[...nextauth]/route";
import { safeRedirect } from "@/lib/auth/auth";

const base = "http://localhost:3000";

describe("auth endpoints and callback URLs", () => {
  it("keeps own paths and drops other hosts and malformed values", () => {
    expect(safeRedirect("/orders?status=placed", base)).toBe(`${base}/orders?status=placed`);
    expect(safeRedirect(`${base}/portal`, base)).toBe(`${base}/portal`);
    for (const bad of ["http://evil.example/", "//evil.example/x", "https://localhost:3000.evil.example", "http://[::1", "javascript:alert(1)"]) {
      expect(safeRedirect(bad, base)).toBe(base);
    }
  });

  for (const value of ["%", "http://[::1", "http://evil.example/steal", "//evil.example"]) {
    it(`GET /api/auth/signin?callbackUrl=${value} redirects to our login page`, async () => {
      const url = `http://0.0.0.0:3000/api/auth/signin?callbackUrl=${encodeURIComponent(value)}`;
      const res = await authRoute.GET(new NextRequest(url));
      expect(res.status).toBeGreaterThanOrEqual(300);
      expect(res.status).toBeLessThan(400);
      const location = res.headers.get("location") ?? "";
      const target = new URL(location, "http://localhost:3000");
      expect(target.origin).toBe("http://localhost:3000");
      expect(target.pathname).toBe("/login");
      expect(decodeURIComponent(location)).not.toContain("evil.example");
      expect(location).not.toContain("0.0.0.0");
    });
  }

  it("a malformed callback-url cookie is dropped, not a 500", async () => {
    const res = await authRoute.GET(new NextRequest("http://localhost:3000/api/auth/signin", { headers: { cookie: "authjs.callback-url=http%3A%2F%2F%5B%3A%3A1" } }));
    expect(res.status).toBeLessThan(400);
  });
});

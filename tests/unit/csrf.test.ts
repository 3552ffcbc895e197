import { describe, expect, it } from "vitest";
import { CSRF_HEADER, CSRF_VALUE } from "@/lib/http/api-fetch";
import { assertCookieWriteAllowed } from "@/lib/http/csrf";

const req = (method: string, headers: Record<string, string>) => new Request("http://localhost:3000/api/v1/products/import", { method, headers: { host: "localhost:3000", ...headers } });
const refused = (r: Request) => {
  try {
    assertCookieWriteAllowed(r);
    return null;
  } catch (e) {
    return e as { code: string; details?: { reason: string } };
  }
};

describe("cookie-authenticated API writes", () => {
  it("lets reads through without any header", () => {
    expect(refused(req("GET", {}))).toBeNull();
  });

  it("accepts a write from our own pages: same-origin Origin and the custom header", () => {
    expect(refused(req("POST", { origin: "http://localhost:3000", [CSRF_HEADER]: CSRF_VALUE }))).toBeNull();
  });

  it("refuses a page on the same site but another port (the attack that ran a product import)", () => {
    expect(refused(req("POST", { origin: "http://localhost:3001", [CSRF_HEADER]: CSRF_VALUE }))).toMatchObject({ code: "forbidden", details: { reason: "origin" } });
  });

  it("refuses a write without Origin, with a null or malformed Origin, or without the custom header", () => {
    expect(refused(req("DELETE", { [CSRF_HEADER]: CSRF_VALUE }))).toMatchObject({ details: { reason: "origin" } });
    expect(refused(req("PUT", { origin: "null", [CSRF_HEADER]: CSRF_VALUE }))).toMatchObject({ details: { reason: "origin" } });
    expect(refused(req("PATCH", { origin: "http://localhost:3000" }))).toMatchObject({ details: { reason: "header" } });
    expect(refused(req("POST", { origin: "http://localhost:3000", [CSRF_HEADER]: "XMLHttpRequest" }))).toMatchObject({ details: { reason: "header" } });
  });
});

import { describe, expect, it } from "vitest";
import * as unknown from "@/app/api/[...path]/route";

describe("unknown /api paths", () => {
  it("answer 404 problem+json with code not_found for every method", async () => {
    for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const) {
      const res = await unknown[method](new Request("http://localhost/api/v1/no-such-thing?x=1", { method, ...(method === "GET" || method === "OPTIONS" ? {} : { body: "{}" }) }));
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(await res.json()).toMatchObject({ status: 404, code: "not_found", instance: "/api/v1/no-such-thing", requestId: res.headers.get("x-request-id") });
    }
    const head = await unknown.HEAD(new Request("http://localhost/api/nothing", { method: "HEAD" }));
    expect(head.status).toBe(404);
    expect(await head.text()).toBe("");
  });
});

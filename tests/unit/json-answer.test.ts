// The API's JSON answers: their length and cache headers, and — through the compression middleware the
// production server runs (Next.js's own copy of `compression`) — small answers sent as they are, large
// ones gzipped for a client that accepts it.
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMPRESS_FROM_BYTES, jsonResponse, problemBody, problemResponse } from "@/lib/http/problem";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const compression = require("next/dist/compiled/compression") as () => (req: unknown, res: unknown, next: () => void) => void;

let server: Server;
let answer: Response;

beforeAll(async () => {
  const compress = compression();
  server = createServer((req, res) => {
    compress(req, res, async () => {
      res.statusCode = answer.status;
      answer.headers.forEach((v, k) => res.setHeader(k, v));
      res.end(Buffer.from(await answer.clone().arrayBuffer()));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

function fetchRaw(): Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path: "/", headers: { "accept-encoding": "gzip, deflate, br" } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("JSON answers", () => {
  it("carry their length and private, no-store; below the threshold also no-transform", async () => {
    const small = jsonResponse(201, { id: "o1", number: "SO/26-27/000001", note: "ದಾಸ್ ಟ್ರೇಡರ್ಸ್" });
    const text = await small.clone().text();
    expect(small.status).toBe(201);
    expect(small.headers.get("content-type")).toBe("application/json");
    expect(small.headers.get("content-length")).toBe(String(Buffer.byteLength(text)));
    expect(small.headers.get("cache-control")).toBe("private, no-store, no-transform");

    const large = jsonResponse(200, { data: "x".repeat(COMPRESS_FROM_BYTES) });
    expect(large.headers.get("cache-control")).toBe("private, no-store");
    // A route's own header wins.
    expect(jsonResponse(200, {}, { "cache-control": "private, max-age=60" }).headers.get("cache-control")).toBe("private, max-age=60");
    const problem = problemResponse(problemBody("not_found", "Order not found", { status: 404, requestId: "r1" }));
    expect(problem.headers.get("content-type")).toBe("application/problem+json");
    expect(problem.headers.get("cache-control")).toBe("private, no-store, no-transform");
  });

  it("a small answer reaches a gzip-accepting client as it is; a large one gzipped", async () => {
    answer = jsonResponse(201, { id: "o1", lines: Array.from({ length: 60 }, (_, i) => ({ sku: `SKU-${i}`, quantity: "12.000" })) });
    // Over the middleware's own 1 KB threshold, so only no-transform keeps it from gzip.
    expect(Number(answer.headers.get("content-length"))).toBeGreaterThan(1024);
    const small = await fetchRaw();
    expect(small.headers["content-encoding"]).toBeUndefined();
    expect(JSON.parse(small.body.toString("utf8")).lines).toHaveLength(60);

    answer = jsonResponse(200, { data: Array.from({ length: 600 }, (_, i) => ({ sku: `SKU-${i}`, name: "Parle-G Gold 1 kg", quantity: "12.000" })) });
    const large = await fetchRaw();
    expect(large.headers["content-encoding"]).toBe("gzip");
    expect(JSON.parse(gunzipSync(large.body).toString("utf8")).data).toHaveLength(600);
  });
});

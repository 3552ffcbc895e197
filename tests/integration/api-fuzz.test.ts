// Fuzzes every write route of the OpenAPI document with bad bodies generated from its own request
// schema (tests/support/openapi-fuzz.ts): control characters, 10,000-character strings, emoji,
// numbers as strings, negative, NaN-like and huge numbers, wrong types, unknown fields, empty and null
// bodies, wrong content types and malformed JSON. A certainly invalid case must answer 4xx
// problem+json and write nothing (no row inserted, updated or deleted: tests/support/write-log.ts);
// a case that may be valid (an emoji in a name) must not answer 5xx, and text it accepts must come
// back unchanged.
//
// It runs in a database of its own, so what it sees written is its own doing. FUZZ_DEBUG=1 prints each
// operation's time and how its plausible body was answered (how deep the fuzz gets).
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { issueTokenPair } from "@/lib/auth/tokens";
import { disconnect, prisma } from "@/lib/db/client";
import { createDatabaseIfMissing } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { installJobSchema } from "@/lib/jobs/install";
import { stopBoss } from "@/lib/jobs/boss";
import pg from "pg";
import { insertInvoiceRow } from "../support/billing-factories";
import { createRetailerUser, createStaff } from "../support/factories";
import { casesFor, dig, doc, fuzzState, paramsFor, resolveRoute, send, writeOperations, type Case, type Handler, type Op } from "../support/openapi-fuzz";
import { orderIn, orderShop, stockedProduct } from "../support/order-factories";
import { counts, installWriteLog, writeMark, writesSince } from "../support/write-log";

let dbName = "";
let adminUrl = "";
const ids = fuzzState.ids;

beforeAll(async () => {
  // A database of this file's own: "nothing written" needs a database no other test file writes to.
  adminUrl = inject("adminDatabaseUrl");
  dbName = `erp_fuzz_${Date.now()}_${process.pid}`;
  await createDatabaseIfMissing(adminUrl, dbName);
  const u = new URL(adminUrl);
  u.pathname = `/${dbName}`;
  await migrate(u.toString());
  await installJobSchema(u.toString());
  await stopBoss();
  await disconnect();
  process.env.DATABASE_URL = u.toString();
  await seed();
  await installWriteLog();
}, 180_000);

afterAll(async () => {
  await stopBoss();
  await disconnect();
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  // Wait for the app's pool to finish closing rather than cutting its connections (which would surface as an error).
  for (let i = 0; i < 50; i++) {
    const { rows } = await client.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1", [dbName]);
    if (rows[0].n === 0) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  await client.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  await client.end();
});

describe("fuzzing every write route of the OpenAPI document", () => {
  const ops = writeOperations();

  it("finds a route module for every write operation", () => {
    expect(ops.length).toBeGreaterThan(50);
    for (const op of ops) expect(resolveRoute(op.path), op.path).not.toBeNull();
  });

  it("the write log sees every committed write that row counts see, and none that rolled back", async () => {
    const before = await counts();
    const mark = await writeMark();
    const company = await prisma.company.findFirstOrThrow();
    await prisma.category.create({ data: { companyId: company.id, name: "Write log probe" } });
    await prisma.$transaction(async (tx) => {
      await tx.category.create({ data: { companyId: company.id, name: "Rolled back" } });
      throw new Error("roll back");
    }).catch(() => {});
    const after = await counts();
    expect(Object.keys(after).filter((t) => after[t] !== before[t])).toEqual(["public.Category"]);
    expect(await writesSince(mark)).toEqual(["Category INSERT ×1"]);
    await prisma.category.deleteMany({ where: { name: "Write log probe" } });
  });

  it("answers every bad body with 4xx problem+json, writes nothing for certainly-invalid input, never 5xx", async () => {
    const failures: string[] = [];
    let calls = 0;
    let roundTrips = 0;
    for (const op of ops) {
      const route = resolveRoute(op.path);
      if (!route) continue; // reported by the test above
      const mod = (await import(route.file)) as Record<string, Handler>;
      const handler = mod[op.method.toUpperCase()];
      if (!handler) {
        failures.push(`${op.method} ${op.path}: the module has no ${op.method.toUpperCase()} export`);
        continue;
      }
      const opStarted = performance.now();
      for (const c of casesFor(op, route.names)) {
        calls++;
        const label = `${op.method.toUpperCase()} ${op.path} [${c.name}]`;
        const mark = c.kind === "certain" ? await writeMark() : 0;
        const res = await send(handler, op, c, route);
        const problem = res.contentType?.startsWith("application/problem+json") ? (JSON.parse(res.text) as { code?: string; errors?: Record<string, string[]> }) : null;
        if (process.env.FUZZ_DEBUG && c.name === "plausible body") console.log(`PLAUSIBLE ${label} ${res.status} ${res.text.slice(0, 250)}`);
        if (res.status >= 500) failures.push(`${label}: ${res.status} ${res.text.slice(0, 300)}`);
        else if (res.status >= 400 && !problem?.code) failures.push(`${label}: ${res.status} without a problem+json code (${res.contentType})`);
        if (c.kind === "certain") {
          if (res.status < 400) failures.push(`${label}: certainly invalid, but answered ${res.status}`);
          const written = await writesSince(mark);
          if (written.length) failures.push(`${label}: answered ${res.status} but wrote to ${written.join(", ")}`);
          const unnamed = (c.expectFields ?? []).filter((f) => !problem?.errors?.[f]);
          // A webhook route checks the gateway's signature before it reads anything (STYLE.md rule 12), so an
          // unsigned body is refused for its signature, not for its fields: 4xx and nothing written is the rule there.
          const signatureFirst = op.path.startsWith("/api/webhooks/");
          if (c.expectFields && !signatureFirst && (res.status !== 422 || unnamed.length)) failures.push(`${label}: expected 422 naming ${unnamed.join(", ")}; got ${res.status} naming ${Object.keys(problem?.errors ?? {}).join(", ")}`);
        }
        if (c.echo && res.status < 300 && res.text) {
          const stored = dig(JSON.parse(res.text), c.echo.path);
          if (typeof stored === "string") roundTrips++;
          if (typeof stored === "string" && stored !== c.echo.value.trim()) failures.push(`${label}: stored ${JSON.stringify(stored)} for ${JSON.stringify(c.echo.value)}`);
        }
      }
      if (process.env.FUZZ_DEBUG) console.log(`OPTIME ${Math.round(performance.now() - opStarted)} ${op.method} ${op.path}`);
    }
    console.log(`fuzz: ${ops.length} write operations, ${calls} calls, ${roundTrips} emoji texts read back as sent`);
    expect(failures).toEqual([]);
  }, 300_000);
});

describe("every read route refuses control characters in its query string and path", () => {
  it("GET with ?q=%00 or a NUL path parameter answers 422 naming it", async () => {
    const failures: string[] = [];
    const reads = Object.entries(doc.paths).flatMap(([p, byMethod]) => ("get" in byMethod ? [p.replace(/^\/api\/v1/, "")] : []));
    expect(reads.length).toBeGreaterThan(40);
    for (const apiPath of reads) {
      const route = resolveRoute(apiPath);
      if (!route) {
        failures.push(`GET ${apiPath}: no route module`);
        continue;
      }
      const handler = ((await import(route.file)) as Record<string, Handler>).GET;
      const op: Op = { method: "get", path: apiPath, params: (apiPath.match(/\{(\w+)\}/g) ?? []).map((x) => x.slice(1, -1)), retailer: apiPath.startsWith("/me/") };
      const params = paramsFor(op);
      const tries: [Case, string][] = [[{ name: "?q=%00", kind: "certain", query: "q=%00" }, "q"]];
      if (op.params.length) tries.push([{ name: "NUL path parameter", kind: "certain", params: { ...params, [op.params[0]]: "\u0000" } }, route.names[op.params[0]] ?? op.params[0]]);
      for (const [c, field] of tries) {
        const res = await send(handler, op, c, route);
        const errors = res.contentType?.startsWith("application/problem+json") ? (JSON.parse(res.text) as { errors?: Record<string, string[]> }).errors : undefined;
        if (res.status !== 422 || !errors?.[field]) failures.push(`GET ${apiPath} [${c.name}]: ${res.status} ${res.text.slice(0, 200)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("bad query values (huge, negative, NaN, long, broken cursors) on every read route are never a 5xx", async () => {
    const failures: string[] = [];
    const reads = Object.entries(doc.paths).flatMap(([p, byMethod]) => (byMethod.get ? [{ apiPath: p.replace(/^\/api\/v1/, ""), query: (byMethod.get.parameters ?? []).filter((x) => x.in === "query").map((x) => x.name) }] : []));
    const values = ["-1", "NaN", "1e308", "9223372036854775808", "x".repeat(10_000), "😀e\u0301", "%FF"];
    for (const { apiPath, query } of reads) {
      const route = resolveRoute(apiPath);
      if (!route) continue; // reported above
      const handler = ((await import(route.file)) as Record<string, Handler>).GET;
      const op: Op = { method: "get", path: apiPath, params: (apiPath.match(/\{(\w+)\}/g) ?? []).map((x) => x.slice(1, -1)), retailer: apiPath.startsWith("/me/") };
      // A route's bad values go at once (reads change nothing); routes one after another.
      const cases = [...new Set([...query, "q", "limit", "cursor"])].flatMap((name) => values.map((v) => ({ name, v })));
      await Promise.all(
        cases.map(async ({ name, v }) => {
          const res = await send(handler, op, { name: `${name}=${v.slice(0, 12)}`, kind: "maybe", query: `${encodeURIComponent(name)}=${v === "%FF" ? v : encodeURIComponent(v)}` }, route);
          const isProblem = res.contentType?.startsWith("application/problem+json");
          if (res.status >= 500 || (res.status >= 400 && !isProblem)) failures.push(`GET ${apiPath} [${name}=${v.slice(0, 20)}]: ${res.status} ${res.text.slice(0, 200)}`);
        }),
      );
    }
    expect(failures).toEqual([]);
  }, 180_000);
});

// ---------------------------------------------------------------------------------------------
// One company with a bit of everything, so path parameters name real rows

async function seed() {
  const shop = await orderShop({ creditLimit: "1000000" });
  const product = await stockedProduct(shop, 500);
  const order = await orderIn(shop, "PLACED", product.id, 2);
  const invoice = await insertInvoiceRow(shop, { grandTotal: "1180.00", issueDate: "2026-11-01" });
  const creditNote = await insertInvoiceRow(shop, { grandTotal: "118.00", issueDate: "2026-11-02", type: "CREDIT_NOTE", originalInvoiceId: invoice.id });
  const employee = await createStaff(shop.co, "SALES");
  const category = await prisma.category.create({ data: { companyId: shop.co, name: "Staples" } });
  const priceList = await prisma.priceList.create({ data: { companyId: shop.co, name: "Wholesale" } });
  const item = await prisma.priceListItem.create({ data: { companyId: shop.co, priceListId: priceList.id, productId: product.id, price: "90.00" } });
  const invitation = await prisma.invitation.create({ data: { companyId: shop.co, email: "invitee@test.example", tokenHash: `fuzz-${Date.now()}`, invitedById: shop.owner.userId, expiresAt: new Date(Date.now() + 7 * 86_400_000) } });
  const other = await createRetailerUser();
  const joinRequest = await prisma.joinRequest.create({ data: { companyId: shop.co, retailerId: other.retailer.id, requestedById: other.user.id } });
  Object.assign(ids, {
    "employees:id": employee.membership.id,
    "connections:id": shop.connection.id,
    "invitations:id": invitation.id,
    "join-requests:id": joinRequest.id,
    "products:id": product.id,
    "categories:id": category.id,
    "price-lists:id": priceList.id,
    itemId: item.id,
    "warehouses:id": shop.wh.id,
    "orders:id": order.id,
    "invoices:id": invoice.id,
    "credit-notes:id": creditNote.id,
    vendorCode: shop.company.code,
    gstin: shop.company.gstin,
    pan: shop.company.pan,
    productId: product.id,
    // Body fields that name rows (looked up lower-cased).
    productid: product.id,
    // Body fields that name rows.
    connectionid: shop.connection.id,
    warehouseid: shop.wh.id,
    categoryid: category.id,
    pricelistid: priceList.id,
    invoiceid: invoice.id,
    orderid: order.id,
    retailerid: shop.retailer.id,
  });
  fuzzState.staffToken = (await issueTokenPair(prisma, shop.owner)).accessToken;
  fuzzState.retailerToken = (await issueTokenPair(prisma, shop.retailerActor)).accessToken;
}

// Invoice PDFs: rendering, and serving them once stored.
//   1. render    — renderInvoicePdf of a 20-line tax invoice (in-memory document, bench/lib/sample-invoice.ts),
//                  WARMUP times unmeasured, then SAMPLES times one after another: the renderer alone (layout,
//                  font subsetting, compression), no database. Half the samples are e-invoiced (IRN + QR).
//   2. first     — the first download of FIRST 20-line invoices issued through issueInvoice, one after
//                  another, through the route's door in-process (getStoredInvoicePdf + storedPdfResponse: access
//                  check, load, render, store on local disk, row, Response) — what a person waits for when no
//                  job rendered it yet. The route wrapper's token check and Next's router are not in it (they
//                  are in phase 6).
//   3. store-all — the "invoice-pdf" job's work for ZIP_INVOICES 3-line invoices, RENDER_CONCURRENCY at a time:
//                  renders per second one process gives.
//   4. stored    — DOWNLOADS downloads of stored PDFs at concurrency CONCURRENCY (8) through the same door:
//                  requests/s, p50/p95/p99, CPU ms per request; and the same with If-None-Match (304).
//   4b. beside  — BESIDE first downloads of 20-line invoices (2 at a time) while 4 loops download stored PDFs
//                  in the same process: the stored downloads' p50/p95 and the event loop's delay (p99, max)
//                  while renders run. With PDF_RENDER_THREADS=0 renders hold the request thread; with the
//                  default pool (a thread when there is a second core) they do not. Run once with each.
//   5. zip       — zipInvoicePdfs (the door of GET /api/v1/invoices/pdfs) for the ZIP_INVOICES invoices (ids): time to the first
//                  byte and to the last, size, heap growth while streaming; and the time to the first byte when
//                  no PDF is stored yet (rendered on the way; the stream is cancelled after its first bytes).
//   6. http      — phases 4 and 5 through `next start` (bench/lib/http.ts), when a production build exists.
// Prints `uptime`'s load average beside every phase; writes bench/results/invoice-pdf-<date>.json.
//
//   npx tsx --conditions=react-server bench/invoice-pdf.ts
// Env: RESULTS_NAME (invoice-pdf), BENCH_DATABASE_URL / DATABASE_URL (else embedded), SAMPLES (200), WARMUP (20), LINES (20), FIRST (30),
// ZIP_INVOICES (500), DOWNLOADS (3000), BESIDE (20), HTTP_WARMUP (2000), CONCURRENCY (8), RENDER_CONCURRENCY (2), DOCUMENT_STORAGE_DIR
// (default .data/bench-documents, emptied first).
import { rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import pg from "pg";
import type { StaffActor } from "../lib/auth/actor";
import { renderInvoicePdf } from "../lib/billing/pdf/invoice-pdf";
import { makeGstin } from "../lib/demo/gstin-fixtures";
import { describeUrl, ensureBenchOwner, openBenchDb } from "./lib/db";
import { bearerToken, startApp } from "./lib/http";
import { sampleInvoiceDocument } from "./lib/sample-invoice";
import { machineInfo, measure, summarize, table, writeResults, type Summary } from "./lib/stats";

const SAMPLES = Number(process.env.SAMPLES ?? 200);
const WARMUP = Number(process.env.WARMUP ?? 20);
const LINES = Number(process.env.LINES ?? 20);
const FIRST = Number(process.env.FIRST ?? 30);
const ZIP_INVOICES = Number(process.env.ZIP_INVOICES ?? 500);
const DOWNLOADS = Number(process.env.DOWNLOADS ?? 3000);
const BESIDE = Number(process.env.BESIDE ?? 20);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 8);
/** Downloads through the server before the measured ones (HTTP_WARMUP). */
const HTTP_WARMUP = Number(process.env.HTTP_WARMUP ?? 2000);
const RENDER_CONCURRENCY = Number(process.env.RENDER_CONCURRENCY ?? 2);
const STORAGE_DIR = (process.env.DOCUMENT_STORAGE_DIR ??= path.join(".data", "bench-documents"));
process.env.DATABASE_POOL_SIZE ??= String(CONCURRENCY + 4);
process.env.LOG_LEVEL ??= "warn";
const PASSWORD = "Bench@12345";

const load = () => os.loadavg().map((x) => Math.round(x * 100) / 100);
type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function main() {
  const results: Record<string, unknown> = {};

  // 1. The renderer alone.
  const docs = [sampleInvoiceDocument({ lines: LINES }), sampleInvoiceDocument({ lines: LINES, einvoiced: true })];
  const settings = { invoiceTerms: "Goods once sold will not be taken back. Interest at 18% p.a. after the due date.", signatoryName: "Authorised Signatory" };
  let bytes = 0;
  const renderCpu0 = process.cpuUsage();
  const renderTimes = await measure(async (i) => (bytes = (await renderInvoicePdf(docs[i % 2]!, { settings, logo: null })).length), { warmup: WARMUP, samples: SAMPLES });
  const renderCpu = process.cpuUsage(renderCpu0);
  const renderCpuMs = round((renderCpu.user + renderCpu.system) / 1000 / (SAMPLES + WARMUP));
  results.render = { lines: LINES, samples: SAMPLES, ms: summarize(renderTimes), cpuMsPerRender: renderCpuMs, pdfBytes: bytes, loadAverage: load() };
  console.log(`render   ${LINES}-line: p50 ${summarize(renderTimes).p50} ms, p95 ${summarize(renderTimes).p95} ms, CPU ${renderCpuMs} ms each, ${Math.round(bytes / 1024)} KB; load ${load().join(" ")}`);

  const db = await openBenchDb();
  const admin = new pg.Client({ connectionString: db.url });
  await admin.connect();
  await rm(STORAGE_DIR, { recursive: true, force: true });
  const { prisma, disconnect } = await import("../lib/db/client");
  const { stopBoss } = await import("../lib/jobs/boss");
  const { makeCtx } = await import("../lib/ctx");
  const { issueInvoice } = await import("../lib/billing/issue-invoice");
  const { ensureInvoicePdf } = await import("../lib/billing/stored-invoice-pdf");
  const { getStoredInvoicePdf } = await import("../lib/billing/stored-invoice-pdf");
  const { storedPdfResponse } = await import("../lib/billing/pdf-response");
  const { zipInvoicePdfs } = await import("../lib/billing/zip-invoice-pdfs");
  try {
    console.log(`bench db: ${describeUrl(db.url)}${db.embedded ? " (embedded)" : ""}; storage ${path.resolve(STORAGE_DIR)}`);
    const run = Date.now().toString(36).toUpperCase();
    const setup = await makeCompany(prisma, run);
    const actor: StaffActor = { kind: "staff", userId: setup.userId, email: setup.email, name: "Bench Accountant", companyId: setup.companyId, role: "OWNER" };
    // The two routes' doors without the wrapper (its token check needs Next's runtime; phase 6 has it all).
    const pdfRoute: Handler = async (req, { params }) => {
      const { id } = await params;
      return storedPdfResponse(await getStoredInvoicePdf(makeCtx(actor), id!, { ifNoneMatch: req.headers.get("if-none-match") }), new URL(req.url));
    };
    const zipRoute: Handler = async (req) => {
      const zip = await zipInvoicePdfs(makeCtx(actor), Object.fromEntries(new URL(req.url).searchParams));
      return new Response(zip.body, { headers: { "content-type": zip.contentType } });
    };
    const call = (handler: Handler, url: string, params: Record<string, string> = {}, headers: Record<string, string> = {}) =>
      handler(new Request(`http://localhost${url}`, { headers }), { params: Promise.resolve(params) });

    // 2. First download of 20-line invoices (nothing stored yet).
    const first: string[] = [];
    for (let i = 0; i < FIRST + 3; i++) {
      const lines = Array.from({ length: 20 }, (_, k) => ({ productId: setup.productIds[(i + k) % setup.productIds.length]!, quantity: String(1 + ((i + k) % 5)) }));
      first.push((await issueInvoice(makeCtx(actor), { connectionId: setup.connectionIds[i % setup.connectionIds.length]!, lines })).id);
    }
    const firstTimes: number[] = [];
    const firstCpu0 = process.cpuUsage();
    for (const [i, id] of first.entries()) {
      const t0 = performance.now();
      const res = await call(pdfRoute, `/api/v1/invoices/${id}/pdf`, { id });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`first download: ${res.status}`);
      if (i >= 3) firstTimes.push(performance.now() - t0); // three warm-up documents
    }
    const firstCpu = process.cpuUsage(firstCpu0);
    const firstCpuMs = round((firstCpu.user + firstCpu.system) / 1000 / first.length);
    results.firstDownload = { lines: 20, door: "route door in-process", ms: summarize(firstTimes), cpuMsPerDownload: firstCpuMs, loadAverage: load() };
    console.log(`first    20-line, render+store: p50 ${summarize(firstTimes).p50} ms, p95 ${summarize(firstTimes).p95} ms, CPU ${firstCpuMs} ms each (n=${firstTimes.length}); load ${load().join(" ")}`);

    // 3. The month: ZIP_INVOICES invoices (one issued, the rest copies with their own numbers), rendered by the job's function.
    const zipIds = await cloneInvoices(admin, setup.companyId, await issueInvoice(makeCtx(actor), { connectionId: setup.connectionIds[0]!, lines: setup.productIds.slice(0, 3).map((productId) => ({ productId, quantity: "2" })) }), ZIP_INVOICES);
    const idsParam = zipIds.join(",");
    // Cold ZIP first: nothing of the month stored; the first bytes wait for one render.
    const coldFirstByte = await firstByteOnly(() => call(zipRoute, `/api/v1/invoices/pdfs?ids=${idsParam}`));
    console.log(`zip      cold (no PDF stored): first byte after ${coldFirstByte} ms; load ${load().join(" ")}`);
    const t0 = performance.now();
    await pool(zipIds, RENDER_CONCURRENCY, async (id) => void (await ensureInvoicePdf(prisma, setup.companyId, id)));
    const storeSeconds = (performance.now() - t0) / 1000;
    results.storeAll = { invoices: ZIP_INVOICES, concurrency: RENDER_CONCURRENCY, seconds: round(storeSeconds), rendersPerSecond: round(ZIP_INVOICES / storeSeconds), loadAverage: load() };
    console.log(`store    ${ZIP_INVOICES} PDFs at ${RENDER_CONCURRENCY} at a time: ${round(ZIP_INVOICES / storeSeconds)} renders/s; load ${load().join(" ")}`);

    // 4. Stored downloads.
    const targets = Array.from({ length: DOWNLOADS }, (_, i) => zipIds[(i * 7919) % zipIds.length]!);
    const stored = await loadRun(targets, CONCURRENCY, async (id) => {
      const res = await call(pdfRoute, `/api/v1/invoices/${id}/pdf`, { id });
      const b = await res.arrayBuffer();
      if (res.status !== 200 || b.byteLength < 1000) throw new Error(`stored download: ${res.status}`);
    });
    results.storedDownload = { door: "route door in-process", concurrency: CONCURRENCY, ...stored, loadAverage: load() };
    console.log(`stored   c=${CONCURRENCY}: ${stored.perSecond}/s, p50 ${stored.ms.p50} ms, p95 ${stored.ms.p95} ms, p99 ${stored.ms.p99} ms, CPU ${stored.cpuMsPerRequest} ms each, errors ${stored.errors}; load ${load().join(" ")}`);
    const etags = new Map((await prisma.invoicePdf.findMany({ where: { invoiceId: { in: zipIds } }, select: { invoiceId: true, sha256: true } })).map((r) => [r.invoiceId, `"${r.sha256}"`]));
    const revalidated = await loadRun(targets, CONCURRENCY, async (id) => {
      const res = await call(pdfRoute, `/api/v1/invoices/${id}/pdf`, { id }, { "if-none-match": etags.get(id)! });
      await res.arrayBuffer();
      if (res.status !== 304) throw new Error(`revalidation: ${res.status}`);
    });
    results.notModified = { door: "route door in-process", concurrency: CONCURRENCY, ...revalidated, loadAverage: load() };
    console.log(`304      c=${CONCURRENCY}: ${revalidated.perSecond}/s, p50 ${revalidated.ms.p50} ms, p95 ${revalidated.ms.p95} ms, CPU ${revalidated.cpuMsPerRequest} ms each; load ${load().join(" ")}`);

    // 4b. First downloads (renders) beside stored downloads: does a render hold up the process's other requests?
    const { renderThreads } = await import("../lib/pdf/render-pool");
    const fresh: string[] = [];
    for (let i = 0; i < BESIDE; i++) {
      const lines = Array.from({ length: 20 }, (_, k) => ({ productId: setup.productIds[(i + k + 3) % setup.productIds.length]!, quantity: String(1 + ((i + k) % 4)) }));
      fresh.push((await issueInvoice(makeCtx(actor), { connectionId: setup.connectionIds[i % setup.connectionIds.length]!, lines })).id);
    }
    const besideTimes: number[] = [];
    let rendering = true;
    const loop = monitorEventLoopDelay({ resolution: 5 });
    loop.enable();
    const storedLoops = Array.from({ length: 4 }, async (_, w) => {
      for (let i = w; rendering; i += 4) {
        const id = targets[i % targets.length]!;
        const s0 = performance.now();
        const res = await call(pdfRoute, `/api/v1/invoices/${id}/pdf`, { id });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`stored download beside renders: ${res.status}`);
        besideTimes.push(performance.now() - s0);
      }
    });
    const renders = await loadRun(fresh, 2, async (id) => {
      const res = await call(pdfRoute, `/api/v1/invoices/${id}/pdf`, { id });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`first download beside: ${res.status}`);
    });
    rendering = false;
    await Promise.all(storedLoops);
    loop.disable();
    const loopMs = { p50: round(loop.percentile(50) / 1e6), p99: round(loop.percentile(99) / 1e6), max: round(loop.max / 1e6) };
    results.beside = { renderThreads: renderThreads(), firstDownloads: { concurrency: 2, ...renders }, storedDownloads: { concurrency: 4, ms: summarize(besideTimes) }, eventLoopDelayMs: loopMs, loadAverage: load() };
    console.log(`beside   ${BESIDE} renders (threads ${renderThreads()}): first p50 ${renders.ms.p50} ms; stored beside them p50 ${summarize(besideTimes).p50} ms, p95 ${summarize(besideTimes).p95} ms (n=${besideTimes.length}); event loop delay p99 ${loopMs.p99} ms, max ${loopMs.max} ms; load ${load().join(" ")}`);

    // 5. The month's ZIP, every PDF stored.
    const zip = await fullZip(() => call(zipRoute, `/api/v1/invoices/pdfs?ids=${idsParam}`));
    results.zip = { door: "route door in-process", invoices: ZIP_INVOICES, coldFirstByteMs: coldFirstByte, ...zip, loadAverage: load() };
    console.log(`zip      ${ZIP_INVOICES} stored: first byte ${zip.firstByteMs} ms, last ${zip.totalMs} ms, ${Math.round(zip.bytes / 2 ** 20)} MB, heap growth ${zip.heapGrowthMb} MB; load ${load().join(" ")}`);

    // 6. Through next start, when built.
    const owner = { userId: setup.userId, membershipId: `bm-${run}`, email: setup.email, password: PASSWORD, name: "Bench Accountant", companyId: setup.companyId };
    await ensureBenchOwner(admin, owner);
    const app = await startApp({ databaseUrl: db.url });
    if (app) {
      try {
        const httpToken = await bearerToken(app.baseUrl, setup.email, PASSWORD);
        const get = (p: string, headers: Record<string, string> = {}) => fetch(`${app.baseUrl}${p}`, { headers: { authorization: `Bearer ${httpToken}`, ...headers } });
        // Warm, as a server is after its first minutes: a freshly started process spends its first thousand
        // requests compiling its hot paths (measured: 3.2 ms of the app's CPU per download after 100 requests, 2.1 ms after 2,000).
        await loadRun(targets.slice(0, HTTP_WARMUP), CONCURRENCY, async (id) => void (await (await get(`/api/v1/invoices/${id}/pdf`)).arrayBuffer()));
        const appCpu0 = app.cpuMs();
        const httpStored = await loadRun(targets, CONCURRENCY, async (id) => {
          const res = await get(`/api/v1/invoices/${id}/pdf`);
          const b = await res.arrayBuffer();
          if (res.status !== 200 || b.byteLength < 1000) throw new Error(`http stored download: ${res.status}`);
        });
        const appCpu1 = app.cpuMs();
        // The app's own CPU per download (its processes, from /proc): what a request costs the server.
        const appCpuMsPerRequest = appCpu0 === null || appCpu1 === null ? null : Math.round(((appCpu1 - appCpu0) / targets.length) * 100) / 100;
        const httpZip = await fullZip(() => get(`/api/v1/invoices/pdfs?ids=${idsParam}`));
        results.http = { door: `next start at ${app.baseUrl}`, storedDownload: { concurrency: CONCURRENCY, ...httpStored, appCpuMsPerRequest }, zip: httpZip, loadAverage: load() };
        console.log(`http     stored c=${CONCURRENCY}: ${httpStored.perSecond}/s, p50 ${httpStored.ms.p50} ms, p95 ${httpStored.ms.p95} ms, app CPU ${appCpuMsPerRequest} ms each, errors ${httpStored.errors}; zip first byte ${httpZip.firstByteMs} ms, last ${httpZip.totalMs} ms; load ${load().join(" ")}`);
      } finally {
        await app.stop();
      }
    }

    console.log("\n" + table(
      ["phase", "figure", "target", "load 1m"],
      [
        ["render 20-line (renderer alone)", `p50 ${summarize(renderTimes).p50} ms, CPU ${renderCpuMs} ms`, "—", (results.render as { loadAverage: number[] }).loadAverage[0]!],
        ["first download 20-line", `p50 ${summarize(firstTimes).p50} ms, CPU ${firstCpuMs} ms`, "p50 < 150 ms", (results.firstDownload as { loadAverage: number[] }).loadAverage[0]!],
        [`stored download c=${CONCURRENCY}`, `${stored.perSecond}/s, p95 ${stored.ms.p95} ms, CPU ${stored.cpuMsPerRequest} ms`, "≥ 300/s, p95 < 30 ms", (results.storedDownload as { loadAverage: number[] }).loadAverage[0]!],
        [`${ZIP_INVOICES}-invoice ZIP first byte`, `${zip.firstByteMs} ms stored, ${coldFirstByte} ms cold`, "< 1000 ms", (results.zip as { loadAverage: number[] }).loadAverage[0]!],
      ],
    ));
    const file = writeResults(process.env.RESULTS_NAME ?? "invoice-pdf", {
      benchmark: "invoice-pdf",
      at: new Date().toISOString(),
      machine: await machineInfo((sql) => admin.query(sql)),
      database: { url: describeUrl(db.url), embedded: db.embedded },
      storage: "local disk",
      settings: { renderThreads: renderThreads(), beside: BESIDE, samples: SAMPLES, warmup: WARMUP, lines: LINES, first: FIRST, zipInvoices: ZIP_INVOICES, downloads: DOWNLOADS, concurrency: CONCURRENCY, renderConcurrency: RENDER_CONCURRENCY },
      ...results,
    });
    console.log(`results: ${file}`);
  } finally {
    await stopBoss();
    await disconnect();
    await admin.end();
    await db.stop();
  }
}

/** Runs `work` over `items`, `concurrency` at a time; latency per item, throughput over the wall time. */
async function loadRun<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>): Promise<{ requests: number; errors: number; firstError: string | null; seconds: number; perSecond: number; ms: Summary; cpuMsPerRequest: number }> {
  const times: number[] = [];
  let errors = 0;
  let firstError: string | null = null;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  await pool(items, concurrency, async (item) => {
    const s = performance.now();
    try {
      await work(item);
      times.push(performance.now() - s);
    } catch (err) {
      errors++;
      firstError ??= err instanceof Error ? err.message : String(err);
    }
  });
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return { requests: items.length, errors, firstError, seconds: round(seconds), perSecond: round(times.length / seconds), ms: summarize(times), cpuMsPerRequest: round((cpu.user + cpu.system) / 1000 / items.length) };
}

async function pool<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < items.length) await work(items[next++]!);
  }));
}

async function firstByteOnly(request: () => Promise<Response>): Promise<number> {
  const t0 = performance.now();
  const res = await request();
  if (res.status !== 200) throw new Error(`zip: ${res.status} ${await res.text()}`);
  const reader = res.body!.getReader();
  await reader.read();
  const ms = round(performance.now() - t0);
  await reader.cancel();
  return ms;
}

async function fullZip(request: () => Promise<Response>) {
  global.gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  let heapMax = heap0;
  const t0 = performance.now();
  const res = await request();
  if (res.status !== 200) throw new Error(`zip: ${res.status} ${await res.text()}`);
  const reader = res.body!.getReader();
  let firstByteMs = 0;
  let bytes = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    if (!firstByteMs) firstByteMs = round(performance.now() - t0);
    bytes += value.length;
    heapMax = Math.max(heapMax, process.memoryUsage().heapUsed);
  }
  return { firstByteMs, totalMs: round(performance.now() - t0), bytes, heapGrowthMb: round((heapMax - heap0) / 2 ** 20) };
}

/** `n` invoices of the company: `n − 1` copies (own ids and numbers, same lines) of the one issued. */
async function cloneInvoices(admin: pg.Client, companyId: string, issued: { id: string; number: string }, n: number): Promise<string[]> {
  const head = issued.number.slice(0, issued.number.lastIndexOf("/") + 1);
  await admin.query("BEGIN");
  const { rows } = await admin.query<{ id: string }>(
    `WITH src AS (SELECT * FROM "Invoice" WHERE id = $1),
     made AS (
       INSERT INTO "Invoice" SELECT (jsonb_populate_record(NULL::"Invoice", to_jsonb(src) || jsonb_build_object('id', 'bz' || g || '-' || $3::text, 'number', $2::text || lpad((100000 + g)::text, 6, '0')))).* FROM src, generate_series(1, $4::int) g
       RETURNING id)
     SELECT id FROM made`,
    [issued.id, head, Date.now().toString(36), n - 1],
  );
  await admin.query(
    `INSERT INTO "InvoiceLine" SELECT (jsonb_populate_record(NULL::"InvoiceLine", to_jsonb(l) || jsonb_build_object('id', l.id || '-' || i.id, 'invoiceId', i.id))).*
     FROM "InvoiceLine" l, unnest($2::text[]) AS i(id) WHERE l."invoiceId" = $1`,
    [issued.id, rows.map((r) => r.id)],
  );
  await admin.query("COMMIT");
  return [issued.id, ...rows.map((r) => r.id)];
}

/** A fresh vendor (Maharashtra) with a warehouse, 30 products and 10 connections. */
async function makeCompany(prisma: typeof import("../lib/db/client").prisma, run: string) {
  const pan = (k: string, i: number) => `BPD${k}${String.fromCharCode(65 + (i % 26))}${String(1000 + i).slice(-4)}${String.fromCharCode(65 + ((i * 7) % 26))}`;
  const company = await prisma.company.create({ data: { code: `BP${run}`.slice(0, 12), legalName: `Bench PDFs ${run} Pvt Ltd`, gstin: makeGstin("27", pan("C", Number.parseInt(run.slice(-4), 36) % 9000)), stateCode: "27", addressLine1: "Plot 1, MIDC", city: "Pune", pincode: "411019" } });
  const email = `bench-pdf-${run.toLowerCase()}@bench.example`;
  const user = await prisma.user.create({ data: { email, name: "Bench Accountant", kind: "STAFF" } });
  await prisma.membership.create({ data: { companyId: company.id, userId: user.id, role: "OWNER" } });
  const hsns = ["19053100", "84713010", "34011190", "21069099", "04021010"];
  const productIds: string[] = [];
  for (let k = 0; k < 30; k++) {
    const p = await prisma.product.create({ data: { companyId: company.id, sku: `BP-${run}-${k}`, name: `Bench PDF item ${k} with a realistic longer name`, hsnCode: hsns[k % hsns.length]!, gstRate: "18", unit: "PCS", basePrice: String(80 + k * 5) } });
    productIds.push(p.id);
  }
  const connectionIds: string[] = [];
  for (let i = 0; i < 10; i++) {
    const state = i % 2 === 0 ? "27" : "29";
    const retailer = await prisma.retailer.create({ data: { legalName: `Bench PDF Retail ${run} ${i}`, gstin: makeGstin(state, pan("F", i + Number.parseInt(run.slice(-3), 36))), stateCode: state, addressLine1: "Main Road", city: state === "27" ? "Nashik" : "Bengaluru", pincode: state === "27" ? "422001" : "560001" } });
    const c = await prisma.connection.create({ data: { companyId: company.id, retailerId: retailer.id, status: "ACTIVE", placeOfSupply: state, paymentTermsDays: 30, customerCode: `R-${i}`, activatedAt: new Date() } });
    connectionIds.push(c.id);
  }
  return { companyId: company.id, userId: user.id, email, productIds, connectionIds };
}

function round(x: number) {
  return Math.round(x * 100) / 100;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

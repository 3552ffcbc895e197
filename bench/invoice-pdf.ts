// Invoice PDF rendering: a 20-line tax invoice (in-memory document, bench/lib/sample-invoice.ts)
// rendered WARMUP times unmeasured, then SAMPLES times one after another, in this process — the cost
// of renderInvoicePdf itself (layout, font subsetting, compression), without the database. Half the
// samples are e-invoiced (IRN + signed QR image), as documents of e-invoicing companies are.
// Reports invoices/second and p50/p95 ms per render to bench/results/invoice-pdf-<date>.json.
//
//   npx tsx --conditions=react-server bench/invoice-pdf.ts
// Env: SAMPLES (200), WARMUP (20), LINES (20).
import os from "node:os";
import { renderInvoicePdf } from "../lib/billing/pdf/invoice-pdf";
import { sampleInvoiceDocument } from "./lib/sample-invoice";
import { measure, summarize, table, writeResults } from "./lib/stats";

const SAMPLES = Number(process.env.SAMPLES ?? 200);
const WARMUP = Number(process.env.WARMUP ?? 20);
const LINES = Number(process.env.LINES ?? 20);

async function main() {
  const docs = [sampleInvoiceDocument({ lines: LINES }), sampleInvoiceDocument({ lines: LINES, einvoiced: true })];
  const settings = { invoiceTerms: "Goods once sold will not be taken back. Interest at 18% p.a. after the due date.", signatoryName: "Authorised Signatory" };
  let bytes = 0;
  const render = async (i: number) => {
    const pdf = await renderInvoicePdf(docs[i % 2], { settings, logo: null });
    bytes = pdf.length;
  };
  const started = performance.now();
  const times = await measure(render, { warmup: WARMUP, samples: SAMPLES });
  const elapsed = performance.now() - started;
  const summary = summarize(times);
  const measuredMs = times.reduce((a, b) => a + b, 0);
  const perSecond = Math.round((SAMPLES / (measuredMs / 1000)) * 10) / 10;
  console.log(table(["render", "n", "p50 ms", "p95 ms", "p99 ms", "max ms", "invoices/s"], [[`${LINES}-line invoice`, summary.n, summary.p50, summary.p95, summary.p99, summary.max, perSecond]]));
  console.log(`PDF size ${Math.round(bytes / 1024)} KB; wall time ${Math.round(elapsed)} ms incl. ${WARMUP} warm-up renders`);
  const file = writeResults("invoice-pdf", {
    benchmark: "invoice-pdf",
    description: `renderInvoicePdf of a ${LINES}-line tax invoice, sequential, one process (half e-invoiced with QR)`,
    date: new Date().toISOString(),
    machine: { node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? null, memGb: Math.round(os.totalmem() / 2 ** 30), loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100) },
    settings: { samples: SAMPLES, warmup: WARMUP, lines: LINES },
    invoicesPerSecond: perSecond,
    msPerRender: summary,
    pdfBytes: bytes,
  });
  console.log(`results: ${file}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

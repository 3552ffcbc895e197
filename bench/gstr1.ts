// GSTR-1 (and GSTR-3B and the e-invoice coverage) of a month of 40,000 documents (bench/lib/gst-data.ts),
// in-process, two ways in the same run so the load they share is the same:
// - "sums in SQL": getGstr1 as the API runs it — documents summed per rate, Table 7 and Table 12
//   grouped by PostgreSQL, lines read only for documents a check may fail (lib/reporting/gst/load-gst-sums.ts);
// - "lines in Node": the golden-tested reference — every line read (loadGstDocuments) and added up
//   as Decimals (buildGstr1, validateGstr1, tieOut): what getGstr1 did before.
// Each run: wall time, peak RSS and heap growth over the run (sampled every 5 ms, after a GC). Both
// must give the same JSON bytes, problems and tie-out (checked). The EXPLAIN (ANALYZE, BUFFERS) of
// the SQL path's statements is printed when a target is missed (PLANS=1: always) and stored.
//
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/erp_bench_reports npx tsx --expose-gc --conditions=react-server bench/gstr1.ts
// Env: RUNS (3), REFERENCE=0 skips the lines-in-Node path, OUT (results file name, default reports-<date>-gstr1.json).
import { writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { describeUrl, openBenchDb } from "./lib/db";
import { ensureGstData, GST_DOCUMENTS, GST_ID } from "./lib/gst-data";
import { loadAverage, machineInfo, measured, table, type Footprint } from "./lib/stats";

const RUNS = Number(process.env.RUNS ?? 3);
const TARGET = { ms: 5000, rssMb: 300 };
const FP = "112026";

type Run = Footprint & { load: number[] };

/** measured(), with the load average right after the call. */
async function measuredWithLoad<T>(fn: () => Promise<T>): Promise<{ run: Run; value: T }> {
  const { run, value } = await measured(fn);
  return { value, run: { ...run, load: loadAverage() } };
}

async function main() {
  const loadAtStart = loadAverage();
  const db = await openBenchDb();
  const admin = new pg.Client({ connectionString: db.url });
  await admin.connect();
  const { prisma, disconnect } = await import("../lib/db/client");
  const { makeCtx } = await import("../lib/ctx");
  const { getGstr1 } = await import("../lib/reporting/gst/get-gstr1");
  const { getGstr3b } = await import("../lib/reporting/gst/get-gstr3b");
  const { getGstCoverage } = await import("../lib/reporting/gst/get-gst-coverage");
  const { buildGstr1 } = await import("../lib/reporting/gst/build-gstr1");
  const { buildGstr3b } = await import("../lib/reporting/gst/build-gstr3b");
  const { loadGstDocuments, otherPeriodNumbers, previousYearTurnover } = await import("../lib/reporting/gst/load-gst-documents");
  const { gstSumsSql, hsnGroupsSql, b2csGroupsSql } = await import("../lib/reporting/gst/load-gst-sums");
  const { classesOf, inPeriodSorted, periodOf } = await import("../lib/reporting/gst/build-gstr1");
  const { loadGstSums } = await import("../lib/reporting/gst/load-gst-sums");
  const { tieOut } = await import("../lib/reporting/gst/tie-out");
  const { validateGstr1 } = await import("../lib/reporting/gst/validate-gstr1");
  try {
    console.log(`bench db: ${describeUrl(db.url)}${db.embedded ? " (embedded)" : ""}`);
    await ensureGstData(admin);
    await admin.query(`ANALYZE "Invoice"; ANALYZE "InvoiceLine"`);
    const actor = { kind: "staff" as const, userId: "bench_reports_gst_manager", email: "manager@bench-reports.example", name: "Bench manager", companyId: GST_ID, role: "MANAGER" as const };
    const ctx = makeCtx(actor, { now: () => new Date("2026-11-29T06:30:00Z") });
    const { gstin } = await prisma.company.findUniqueOrThrow({ where: { id: GST_ID }, select: { gstin: true } });

    const reference = async () => {
      const documents = await loadGstDocuments(ctx, GST_ID, "2026-11-01", "2026-11-30");
      const turnover = await previousYearTurnover(ctx, GST_ID, "2026-11-01");
      const others = await otherPeriodNumbers(ctx, GST_ID, documents, "2026-11-01", "2026-11-30");
      const build = buildGstr1({ gstin: gstin!, fp: FP, aato: turnover, documents, otherPeriodNumbers: others });
      return { json: build.json, problems: validateGstr1(build.inPeriod, build.series, { aato: turnover }), tieOut: tieOut(build) };
    };

    const rows: { path: string; runs: Run[] }[] = [];
    const sql: Run[] = [];
    const node: Run[] = [];
    let fast: Awaited<ReturnType<typeof getGstr1>> | undefined;
    let ref: Awaited<ReturnType<typeof reference>> | undefined;
    for (let i = 0; i < RUNS; i++) {
      const a = await measuredWithLoad(() => getGstr1(ctx, { fp: FP }));
      sql.push(a.run);
      fast = a.value;
      console.log(`sums in SQL: ${a.run.ms} ms, RSS +${a.run.rssGrowthMb} MB, heap +${a.run.heapGrowthMb} MB, load ${a.run.load.join(" ")}`);
      if (process.env.REFERENCE !== "0") {
        const b = await measuredWithLoad(reference);
        node.push(b.run);
        ref = b.value;
        console.log(`lines in Node: ${b.run.ms} ms, RSS +${b.run.rssGrowthMb} MB, heap +${b.run.heapGrowthMb} MB, load ${b.run.load.join(" ")}`);
      }
    }
    rows.push({ path: "GSTR-1, sums in SQL (getGstr1)", runs: sql });
    if (node.length) rows.push({ path: "GSTR-1, lines in Node (reference; the code before)", runs: node });
    const same = ref ? { json: JSON.stringify(fast!.json) === JSON.stringify(ref.json), problems: JSON.stringify(fast!.problems) === JSON.stringify(ref.problems), tieOut: JSON.stringify(fast!.tieOut) === JSON.stringify(ref.tieOut) } : null;
    if (same) console.log(`same bytes both ways: ${JSON.stringify(same)}`);

    // GSTR-3B and the coverage report, both ways where there are two.
    const g3: Run[] = [];
    const g3ref: Run[] = [];
    const cov: Run[] = [];
    let same3b: boolean | null = null;
    for (let i = 0; i < RUNS; i++) {
      const a = await measuredWithLoad(() => getGstr3b(ctx, { fp: FP }));
      g3.push(a.run);
      if (process.env.REFERENCE !== "0") {
        const b = await measuredWithLoad(async () => buildGstr3b(await loadGstDocuments(ctx, GST_ID, "2026-11-01", "2026-11-30")));
        g3ref.push(b.run);
        const { period: _p, ...fast3b } = a.value;
        same3b = JSON.stringify(fast3b) === JSON.stringify(b.value);
      }
      cov.push((await measuredWithLoad(() => getGstCoverage(ctx, { fp: FP }))).run);
    }
    rows.push({ path: "GSTR-3B, sums in SQL (getGstr3b)", runs: g3 });
    if (g3ref.length) rows.push({ path: "GSTR-3B, lines in Node (the code before)", runs: g3ref });
    rows.push({ path: "e-invoice / e-way bill coverage (getGstCoverage)", runs: cov });

    const worst = { ms: Math.max(...sql.map((r) => r.ms)), rssGrowthMb: Math.max(...sql.map((r) => r.rssGrowthMb)) };
    const meetsTarget = worst.ms < TARGET.ms && worst.rssGrowthMb < TARGET.rssMb;

    // Plans of the SQL path's statements: the first page of documents, Table 12, Table 7.
    const plans: Record<string, string> = {};
    const explain = async (name: string, q: import("../lib/generated/prisma/client").Prisma.Sql) => {
      const plan = await prisma.$queryRaw<{ "QUERY PLAN": string }[]>`EXPLAIN (ANALYZE, BUFFERS) ${q}`;
      plans[name] = plan.map((r) => r["QUERY PLAN"]).join("\n");
    };
    const period = periodOf({ fp: FP });
    const { documents } = await loadGstSums(ctx, GST_ID, period.from, period.to, { hsnMinDigits: 4 });
    const classes = classesOf(inPeriodSorted(documents, period));
    const b2csIds = documents.filter((d) => ["b2cs", "b2cs_note"].includes(classes.get(d.id)?.kind ?? "")).map((d) => d.id);
    await explain("documents summed per rate (the month: one statement)", gstSumsSql(GST_ID, period.from, period.to, { hsnMinDigits: 4 }));
    await explain("Table 12 groups", hsnGroupsSql(GST_ID, period.from, period.to));
    await explain(`Table 7 groups (${b2csIds.length} documents)`, b2csGroupsSql(GST_ID, b2csIds));
    if (!meetsTarget || process.env.PLANS === "1") for (const [k, v] of Object.entries(plans)) console.log(`\nEXPLAIN ANALYZE (${k}):\n${v}`);

    const summary = rows.map((r) => ({ path: r.path, ms: r.runs.map((x) => x.ms), rssGrowthMb: r.runs.map((x) => x.rssGrowthMb), heapGrowthMb: r.runs.map((x) => x.heapGrowthMb) }));
    console.log(`\n${table(["path", "ms", "RSS + MB", "heap + MB"], summary.map((s) => [s.path, s.ms.join(" / "), s.rssGrowthMb.join(" / "), s.heapGrowthMb.join(" / ")]))}`);
    console.log(`target: < ${TARGET.ms} ms and < ${TARGET.rssMb} MB: ${meetsTarget ? "met" : "MISSED"} (worst ${worst.ms} ms, +${worst.rssGrowthMb} MB); load ${loadAtStart.join(" ")} → ${loadAverage().join(" ")}`);
    const shape = fast && { documents: fast.tieOut.register.documents, sections: Object.fromEntries(fast.sections.map((s) => [s.section, s.records])), problems: fast.problems.length, tiesOut: fast.tieOut.ok, jsonBytes: JSON.stringify(fast.json).length };
    const file = path.join(process.cwd(), "bench", "results", process.env.OUT ?? `reports-${new Date().toISOString().slice(0, 10)}-gstr1.json`);
    writeFileSync(
      file,
      JSON.stringify(
        {
          description: `GSTR-1, GSTR-3B and coverage of ${GST_DOCUMENTS} documents (160,000 lines) in November 2026, in-process; sums in SQL against the lines added up in Node, alternately in one run`,
          target: TARGET,
          meetsTarget,
          worst,
          sameBothWays: same ? { ...same, gstr3b: same3b } : null,
          shape,
          results: rows,
          plans,
          loadAtStart,
          loadAtEnd: loadAverage(),
          machine: await machineInfo((q) => admin.query(q)),
          at: new Date().toISOString(),
        },
        null,
        2,
      ) + "\n",
    );
    console.log(`results: ${path.relative(process.cwd(), file)}`);
    if (!meetsTarget) process.exitCode = 2;
  } finally {
    await admin.end();
    await disconnect();
    await db.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

import "server-only";
// PDFs are drawn on worker threads, never on the thread that answers requests. react-pdf takes
// 200–450 ms of CPU for a 20-line invoice; on the request thread every other request of the process
// waits that long (in the mixed load, first downloads of documents without a stored PDF stalled
// everything behind them). The pool keeps PDF_RENDER_THREADS threads (default: one when the machine
// has more than one core; 0 renders in the process), started on the first render and kept; renders
// queue for a free thread in arrival order. A thread that dies, or takes longer than the timeout, is
// replaced; only the render it held fails.
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import type { PdfArgs, PdfKind } from "./renderers";
import { toTransfer } from "./transfer";

/** Longer than any render (a 20-line invoice takes well under a second, a thread's first load ~2 s). */
const RENDER_TIMEOUT_MS = 60_000;

type Job = { kind: PdfKind; args: unknown; resolve: (bytes: Buffer) => void; reject: (err: Error) => void };
type Slot = { worker: Worker; job: Job | null; timer: NodeJS.Timeout | null; gone: boolean };
type Answer = { bytes: Uint8Array } | { error: string };

const queue: Job[] = [];
const slots: Slot[] = [];

/** Threads the pool may use: PDF_RENDER_THREADS, or one when there is a second core. */
export function renderThreads(): number {
  return env().PDF_RENDER_THREADS ?? (os.availableParallelism() > 1 ? 1 : 0);
}

let drawn = 0;
/** How many PDFs this process has been asked to draw since it started (benches, tests). */
export const pdfsDrawn = () => drawn;

/** The PDF of one kind (lib/pdf/renderers.ts) from its renderer's arguments, drawn on a pool thread. */
export async function renderPdf<K extends PdfKind>(kind: K, ...args: PdfArgs<K>): Promise<Buffer> {
  drawn++;
  if (renderThreads() === 0) {
    const { renderers } = await import("./renderers");
    return (renderers[kind] as (...a: PdfArgs<K>) => Promise<Buffer>)(...args);
  }
  return new Promise<Buffer>((resolve, reject) => {
    queue.push({ kind, args: toTransfer(args), resolve, reject });
    dispatch();
  });
}

/** What the pool holds now (the health page, the tests). */
export function renderPoolState() {
  return { threads: slots.length, busy: slots.filter((s) => s.job).length, queued: queue.length };
}

/** Ends every thread; queued and running renders fail. For tests and a clean shutdown. */
export async function stopRenderPool(): Promise<void> {
  for (const job of queue.splice(0)) job.reject(new Error("the PDF render pool was stopped"));
  await Promise.all(slots.splice(0).map((s) => retire(s, new Error("the PDF render pool was stopped"), { quiet: true })));
}

function dispatch() {
  while (queue.length) {
    let slot = slots.find((s) => !s.job);
    if (!slot && slots.length < renderThreads()) slot = spawn();
    if (!slot) return;
    const job = queue.shift()!;
    slot.job = job;
    slot.worker.ref();
    const s = slot;
    s.timer = setTimeout(() => void retire(s, new Error(`the PDF render took longer than ${RENDER_TIMEOUT_MS / 1000} s`)), RENDER_TIMEOUT_MS);
    s.worker.postMessage({ kind: job.kind, args: job.args });
  }
}

function spawn(): Slot {
  // Node's own module loader, not the bundler's: the thread starts from a line of code that imports the
  // entry by URL (Next's bundler would otherwise bundle a worker file it can see), and compiles the
  // renderers itself. Without NEXT_RUNTIME, react-pdf's React shim (lib/billing/pdf/react-compat.ts)
  // does what a standalone process needs.
  const { NEXT_RUNTIME: _, ...workerEnv } = process.env;
  const entry = pathToFileURL(path.join(process.cwd(), "lib", "pdf", "render-worker.mjs")).href;
  const worker = new Worker(`import(${JSON.stringify(entry)})`, { eval: true, execArgv: ["--conditions=react-server"], env: workerEnv });
  const slot: Slot = { worker, job: null, timer: null, gone: false };
  worker.unref();
  worker.on("message", (m: Answer) => {
    if (!slot.job) return;
    const job = slot.job;
    finish(slot);
    if ("error" in m) job.reject(new Error(m.error));
    else job.resolve(Buffer.from(m.bytes.buffer, m.bytes.byteOffset, m.bytes.byteLength));
    dispatch();
  });
  worker.on("error", (err) => void retire(slot, err));
  worker.on("exit", (code) => void retire(slot, new Error(`the PDF render thread exited (code ${code})`)));
  slots.push(slot);
  return slot;
}

function finish(slot: Slot) {
  if (slot.timer) clearTimeout(slot.timer);
  slot.timer = null;
  slot.job = null;
  if (!slot.gone) slot.worker.unref();
}

/** Takes a thread out of the pool, failing the render it held; the next render starts a new one. */
async function retire(slot: Slot, err: Error, opts: { quiet?: boolean } = {}) {
  if (slot.gone) return;
  slot.gone = true;
  const job = slot.job;
  finish(slot);
  const i = slots.indexOf(slot);
  if (i >= 0) slots.splice(i, 1);
  if (job) {
    if (!opts.quiet) log("error", "PDF render thread failed", { err: err.message });
    job.reject(err);
  }
  await slot.worker.terminate();
  dispatch();
}

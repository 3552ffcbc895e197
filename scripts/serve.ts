// The app's HTTP server (npm start, demo, dev and the e2e suite): Next.js's own request handler behind
// a plain Node server whose one job is to write the TCP peer's address into a private header on every
// request, overwriting whatever a client sent. Next.js alone cannot tell a route the socket address
// once a client sends X-Forwarded-For (it only fills that header when absent), and rate limits must
// not key on a header the client chooses; lib/http/client-address.ts reads the private header.
//   node --import tsx scripts/serve.ts [--dev] [-p <port>] [-H <hostname>]   (as next start: PORT or 3000; every interface)
//
// Both cores (or all): in production, WEB_CONCURRENCY app processes share the port through Node's
// cluster module — by default one per core when the machine has more than one, 1 = a single
// process (no primary). The primary only forks, restarts a worker that dies and passes signals on;
// every worker is the whole app (Next.js, its pool of DATABASE_POOL_SIZE connections and its job
// workers; pg-boss shares the jobs between them). `next dev` is always one process.
import cluster from "node:cluster";
import { createServer } from "node:http";
import { availableParallelism } from "node:os";
import path from "node:path";
import { env } from "../lib/env";
import { PEER_ADDRESS_HEADER, markPeerAddressHeaderTrusted } from "../lib/http/client-address";

const args = process.argv.slice(2);
const dev = args.includes("--dev");
const port = Number(option("-p", "--port") ?? process.env.PORT ?? 3000);
const hostname = option("-H", "--hostname") ?? process.env.HOST;
// As `next start` / `next dev` do; set before Next.js loads, which reads it at import.
(process.env as Record<string, string>).NODE_ENV = dev ? "development" : "production";
// A bad setting (e.g. TRUSTED_PROXIES) stops the start with its message, not every request later.
try {
  env();
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}

const processes = dev ? 1 : webConcurrency();
if (processes > 1 && cluster.isPrimary) runPrimary(processes);
else await serve();

/** One app process: the HTTP server with Next.js's handler. */
async function serve() {
  const { default: next } = await import("next");
  const httpServer = createServer((req, res) => {
    // Always overwritten: a client-sent copy (any case, any count) never reaches the app.
    req.headers[PEER_ADDRESS_HEADER] = req.socket.remoteAddress ?? "";
    void handle(req, res);
  });
  // httpServer lets Next.js attach its dev-mode WebSocket (hot reload) to this server.
  const app = next({ dev, dir: path.resolve(import.meta.dirname, ".."), hostname, port, httpServer });
  const handle = app.getRequestHandler();
  markPeerAddressHeaderTrusted();
  await app.prepare();
  const ready = () => console.log(`Ready: ${dev ? "development" : "production"} server on http://${hostname ?? "localhost"}:${port}`);
  if (hostname) httpServer.listen(port, hostname, ready);
  else httpServer.listen(port, ready);

  let closing = false;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (closing) return;
      closing = true;
      httpServer.close();
      httpServer.closeAllConnections();
      // app.close() runs Next's shutdown (and so the instrumentation's job-worker stop hooks, if any).
      void app.close().finally(() => process.exit(0));
    });
  }
}

/** The primary of a cluster: forks the app processes, restarts one that dies, stops them all on a signal. */
function runPrimary(n: number) {
  console.log(`cluster: ${n} app processes (WEB_CONCURRENCY=${process.env.WEB_CONCURRENCY ?? `${n}, one per core`}) on port ${port}`);
  cluster.setupPrimary({ execArgv: process.execArgv, args: process.argv.slice(2) });
  for (let i = 0; i < n; i++) cluster.fork({ WEB_PROCESS_INDEX: String(i) });
  let stopping = false;
  let live = n;
  let quickExits = 0;
  const started = new Map<number, number>();
  cluster.on("fork", (w) => started.set(w.id, Date.now()));
  cluster.on("exit", (worker, code, signal) => {
    live--;
    if (stopping) {
      if (live === 0) process.exit(process.exitCode ?? 0);
      return;
    }
    // A process that cannot start (a bad setting, no database) is not restarted in a loop.
    quickExits = Date.now() - (started.get(worker.id) ?? 0) < 10_000 ? quickExits + 1 : 0;
    if (quickExits >= 3) {
      console.error(`cluster: app processes keep exiting at start (last: ${signal ?? code}); stopping`);
      stopping = true;
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill("SIGTERM");
      process.exitCode = 1;
      if (live === 0) process.exit(1);
      return;
    }
    console.error(`cluster: app process ${worker.process.pid} exited (${signal ?? code}); starting another`);
    live++;
    cluster.fork({ WEB_PROCESS_INDEX: "restarted" });
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      if (live === 0) process.exit(0);
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill(signal);
      // A worker that does not stop within 15 s is not waited for.
      setTimeout(() => process.exit(0), 15_000).unref();
    });
  }
}

/** WEB_CONCURRENCY (a positive whole number), else one process per core. */
function webConcurrency(): number {
  const v = process.env.WEB_CONCURRENCY;
  if (v === undefined || v === "") return availableParallelism();
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) {
    console.error(`WEB_CONCURRENCY must be a whole number of app processes (1 or more), got "${v}"`);
    process.exit(1);
  }
  return n;
}

function option(short: string, long: string): string | undefined {
  const i = args.findIndex((a) => a === short || a === long);
  return i >= 0 ? args[i + 1] : undefined;
}

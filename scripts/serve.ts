// The app's HTTP server (npm start, demo, dev and the e2e suite): Next.js's own request handler behind
// a plain Node server whose one job is to write the TCP peer's address into a private header on every
// request, overwriting whatever a client sent. Next.js alone cannot tell a route the socket address
// once a client sends X-Forwarded-For (it only fills that header when absent), and rate limits must
// not key on a header the client chooses; lib/http/client-address.ts reads the private header.
//   node --import tsx scripts/serve.ts [--dev] [-p <port>] [-H <hostname>]   (as next start: PORT or 3000; every interface)
import { createServer } from "node:http";
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

function option(short: string, long: string): string | undefined {
  const i = args.findIndex((a) => a === short || a === long);
  return i >= 0 ? args[i + 1] : undefined;
}

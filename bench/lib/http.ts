// The built app as a black box: start `next start` from a dist dir against the bench database,
// get a bearer token, sign in through next-auth's credentials flow and keep the cookies.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

// One secret for the bench process and the app it starts, so tokens signed on either side verify on both.
process.env.AUTH_SECRET ??= "bench-secret-0123456789abcdef0123456789abcdef";

export type RunningApp = {
  baseUrl: string;
  stop: () => Promise<void>;
  startedHere: boolean;
  /** CPU time (user + system, ms) used so far by the app's processes (`next start` and its children); null for BENCH_BASE_URL. */
  cpuMs: () => number | null;
  /** How many app processes there are (a cluster start has a primary and one worker per core). */
  processes: () => number;
};

/**
 * BENCH_BASE_URL: use a server that is already running. Otherwise start the production build in
 * NEXT_DIST_DIR (default .next, what `npm run build` makes) on BENCH_PORT (default 3204); null when there is no build.
 */
export async function startApp(env: { databaseUrl: string; log?: (m: string) => void }): Promise<RunningApp | null> {
  const log = env.log ?? console.log;
  if (process.env.BENCH_BASE_URL) return { baseUrl: process.env.BENCH_BASE_URL.replace(/\/$/, ""), stop: async () => {}, startedHere: false, cpuMs: () => null, processes: () => 0 };
  const distDir = process.env.NEXT_DIST_DIR ?? ".next";
  if (!existsSync(path.join(process.cwd(), distDir, "BUILD_ID"))) {
    log(`http: no production build in ${distDir} (build it with NEXT_DIST_DIR=${distDir} npx next build); skipping the HTTP measurements`);
    return null;
  }
  const port = Number(process.env.BENCH_PORT ?? 3204);
  const baseUrl = `http://127.0.0.1:${port}`;
  // BENCH_SERVER=serve: the production start's own server (scripts/serve.ts), one process per core or
  // WEB_CONCURRENCY; default `next start`, one process.
  const serve = process.env.BENCH_SERVER === "serve";
  const argv = serve ? ["--import", "tsx", "scripts/serve.ts", "-p", String(port), "-H", "127.0.0.1"] : [path.join("node_modules", "next", "dist", "bin", "next"), "start", "-p", String(port), "-H", "127.0.0.1"];
  const child: ChildProcess = spawn(process.execPath, argv, {
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_DIST_DIR: distDir,
      DATABASE_URL: env.databaseUrl,
      AUTH_SECRET: process.env.AUTH_SECRET,
      AUTH_TRUST_HOST: "true",
      AUTH_URL: baseUrl,
      // BENCH_APP_NODE_OPTIONS: e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the app under load.
      ...(process.env.BENCH_APP_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_APP_NODE_OPTIONS } : {}),
    },
    stdio: ["ignore", "ignore", "pipe"],
    detached: true,
  });
  let stderr = "";
  child.stderr!.on("data", (c: Buffer) => (stderr = (stderr + c.toString()).slice(-4000)));
  const stop = async () => {
    if (child.exitCode !== null) return;
    process.kill(-child.pid!, "SIGTERM");
    await new Promise((r) => child.once("exit", r));
  };
  const t0 = performance.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}: ${stderr}`);
    if (performance.now() - t0 > 60_000) {
      await stop();
      throw new Error(`next start did not answer on ${baseUrl} within 60 s: ${stderr}`);
    }
    try {
      const res = await fetch(`${baseUrl}/login`);
      if (res.ok) break;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  log(`http: next start (${distDir}) ready on ${baseUrl} in ${((performance.now() - t0) / 1000).toFixed(1)}s`);
  return { baseUrl, stop, startedHere: true, cpuMs: () => groupCpuMs(child.pid!).ms, processes: () => groupCpuMs(child.pid!).processes };
}

/** User + system CPU of every live process in a process group, from /proc (Linux; 0 elsewhere). */
export function groupCpuMs(pgid: number): { ms: number; processes: number } {
  const each = procCpuMs((p) => p.pgid === pgid);
  return { ms: [...each.values()].reduce((a, b) => a + b, 0), processes: each.size };
}

/** User + system CPU (ms) of each live process `which` picks, by pid, from /proc (Linux; empty elsewhere). */
export function procCpuMs(which: (p: { pid: number; comm: string; pgid: number }) => boolean): Map<number, number> {
  const each = new Map<number, number>();
  let entries: string[] = [];
  try {
    entries = readdirSync("/proc").filter((d) => /^\d+$/.test(d));
  } catch {
    return each;
  }
  for (const pid of entries) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const comm = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      // Fields after the command name (which may hold spaces), from field 3 on.
      const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (which({ pid: Number(pid), comm, pgid: Number(rest[2]) })) each.set(Number(pid), ((Number(rest[11]) + Number(rest[12])) * 1000) / CLOCK_TICKS);
    } catch {
      /* gone meanwhile */
    }
  }
  return each;
}

/**
 * The CPU (ms) the processes `which` picks used since `before` (a procCpuMs reading): a process started
 * since counts from its start; one that ended since is left out (its time went with it), never subtracted
 * (a pool closing its idle connections must not make the figure fall).
 */
export function procCpuSince(before: Map<number, number>, which: Parameters<typeof procCpuMs>[0]): number {
  let ms = 0;
  for (const [pid, now] of procCpuMs(which)) ms += now - (before.get(pid) ?? 0);
  return ms;
}

/** The whole machine's CPU so far (ms summed over its cores): busy (not idle or waiting on I/O) and all. */
export function machineCpuMs(): { busy: number; all: number } {
  try {
    const [, ...f] = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/);
    const v = f.slice(0, 8).map(Number); // user nice system idle iowait irq softirq steal
    const all = v.reduce((a, b) => a + b, 0);
    return { busy: ((all - v[3] - v[4]) * 1000) / CLOCK_TICKS, all: (all * 1000) / CLOCK_TICKS };
  } catch {
    return { busy: 0, all: 0 };
  }
}

/** Linux's USER_HZ (getconf CLK_TCK): 100 on every mainstream kernel. */
const CLOCK_TICKS = 100;

/** POST /api/v1/auth/token → the access token. */
export async function bearerToken(baseUrl: string, email: string, password: string) {
  const res = await fetch(`${baseUrl}/api/v1/auth/token`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password }) });
  if (!res.ok) throw new Error(`POST /api/v1/auth/token: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

/** Signs in like the login form does (next-auth credentials) and returns the Cookie header to send. */
export async function sessionCookie(baseUrl: string, email: string, password: string) {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair.indexOf("=");
      jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrfRes = await fetch(`${baseUrl}/api/auth/csrf`);
  keep(csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${baseUrl}/dashboard` }),
    redirect: "manual",
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`sign-in failed (${res.status}): no session cookie; location ${res.headers.get("location")}`);
  return cookie();
}

/** GET that must answer 200; reads the whole body (a page is only done when it is all sent). */
export async function getOk(url: string, headers: Record<string, string>) {
  const res = await fetch(url, { headers, redirect: "manual" });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`GET ${url}: ${res.status} ${body.slice(0, 300)}`);
  return body;
}

// Structured logs: one JSON line per event, on stdout.
import { env } from "@/lib/env";

const order = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;

export function log(level: "debug" | "info" | "warn" | "error", msg: string, fields: Record<string, unknown> = {}) {
  if (order[level] < order[env().LOG_LEVEL]) return;
  const line = JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields });
  if (level === "error") console.error(line);
  else console.log(line);
}

export function logRequest(fields: { requestId: string; method: string; path: string; status: number; ms: number; userId: string | null; companyId: string | null; ip: string | null }) {
  log(fields.status >= 500 ? "error" : "info", "request", fields);
}

"use client";
// The driver's updates leave the phone through a queue kept in localStorage: each has its own
// clientUpdateId and occurredAt from the moment it was tapped, so one sent late (no signal in a
// basement) or twice (a retry after a lost answer) applies once, at the right time.
import { apiFetch } from "@/lib/http/api-fetch";

const KEY = "driver-updates-v1";

export type QueuedUpdate = { url: string; body: Record<string, unknown> & { clientUpdateId: string; occurredAt: string } };
export type SendResult = { ok: true; data: unknown } | { ok: false; error: string; queued: boolean };

function load(): QueuedUpdate[] {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? "[]") as QueuedUpdate[];
  } catch {
    return [];
  }
}
function save(q: QueuedUpdate[]) {
  localStorage.setItem(KEY, JSON.stringify(q));
  window.dispatchEvent(new Event("driver-queue"));
}

export function queuedCount(): number {
  return typeof window === "undefined" ? 0 : load().length;
}

/** Sends one update now; kept in the queue when the network fails, dropped when the server answers. */
export async function sendUpdate(u: QueuedUpdate): Promise<SendResult> {
  save([...load().filter((x) => x.body.clientUpdateId !== u.body.clientUpdateId), u]);
  let res: Response;
  try {
    res = await apiFetch(u.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(u.body) });
  } catch {
    return { ok: false, error: "No network: the update is saved on this phone and goes when the signal is back.", queued: true };
  }
  const json = await res.json().catch(() => null);
  if (res.status >= 500) return { ok: false, error: "The server did not answer; the update is saved and will be sent again.", queued: true };
  save(load().filter((x) => x.body.clientUpdateId !== u.body.clientUpdateId));
  if (!res.ok) return { ok: false, error: json?.detail ?? "The update was refused.", queued: false };
  return { ok: true, data: json };
}

/** Sends everything still queued, oldest first; stops at the first network failure. */
export async function flushQueue(): Promise<number> {
  let sent = 0;
  for (const u of load()) {
    const r = await sendUpdate(u);
    if (!r.ok && r.queued) break;
    sent++;
  }
  return sent;
}

export function newUpdateId(): string {
  return typeof crypto !== "undefined" && "randomUUID" in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

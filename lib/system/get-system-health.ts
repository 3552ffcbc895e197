import "server-only";
// What Settings → System health shows: this instance's readiness (primary, replica lag, job queue)
// and, as the primary sees them, the streaming replicas attached to it. The deployment's, not a
// company's: the permission keeps it to owners and admins, as for backups.
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/ctx";
import { pool } from "@/lib/db/client";
import { renderPoolState, renderThreads } from "@/lib/pdf/render-pool";
import { checkReadiness, type Readiness } from "@/lib/system/check-readiness";

export type StandbyView = { name: string; state: string; replayLagSeconds: number | null };
/** This process's PDF threads: how many it may use, how many have started, drawing and waiting now. */
export type PdfRenderingView = { threads: number; started: number; busy: number; queued: number };
export type SystemHealth = Readiness & { instance: { pid: number; hostname: string; uptimeSeconds: number; pdfRendering: PdfRenderingView }; standbys: StandbyView[] | null };

export async function getSystemHealth(ctx: Ctx): Promise<SystemHealth> {
  assertCan(ctx.actor, "system.backups.read");
  const [readiness, standbys] = await Promise.all([checkReadiness(), listStandbys()]);
  const renders = renderPoolState();
  const pdfRendering = { threads: renderThreads(), started: renders.threads, busy: renders.busy, queued: renders.queued };
  return { ...readiness, instance: { pid: process.pid, hostname: process.env.HOSTNAME ?? "", uptimeSeconds: Math.round(process.uptime()), pdfRendering }, standbys };
}

/** pg_stat_replication on the primary; null when this role may not read it (it needs pg_monitor). */
async function listStandbys(): Promise<StandbyView[] | null> {
  try {
    const { rows } = await pool().query<{ name: string; state: string; lag: string | null }>(
      `SELECT application_name AS name, state, EXTRACT(EPOCH FROM replay_lag) AS lag FROM pg_stat_replication ORDER BY application_name`,
    );
    return rows.map((r) => ({ name: r.name, state: r.state ?? "unknown", replayLagSeconds: r.lag === null ? null : Number(r.lag) }));
  } catch {
    return null;
  }
}

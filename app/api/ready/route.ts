// GET /api/ready — readiness for a load balancer: the primary answers (503 when not), the read
// replica's lag and the job queue's depth. No details of errors: anyone can call it.
import { checkReadiness } from "@/lib/system/check-readiness";

export const dynamic = "force-dynamic";

export async function GET() {
  const r = await checkReadiness();
  const body = {
    status: r.ready ? "ready" : "unavailable",
    database: r.database.ok ? { status: "ok", ms: r.database.ms } : { status: "unreachable" },
    replica: r.replica.configured
      ? { status: r.replica.usable ? "ok" : r.replica.error ? "unreachable" : "lagging", lagSeconds: r.replica.lagSeconds, maxLagSeconds: r.replica.maxLagSeconds }
      : { status: "not configured" },
    jobs: r.jobs.ok ? { status: "ok", waiting: r.jobs.waiting, active: r.jobs.active } : { status: "unknown" },
  };
  return Response.json(body, { status: r.ready ? 200 : 503, headers: { "cache-control": "no-store" } });
}

import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SettingsTabs } from "@/components/settings/settings-tabs";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { makeCtx } from "@/lib/ctx";
import { getSystemHealth, type PdfRenderingView } from "@/lib/system/get-system-health";

export const metadata: Metadata = { title: "System health" };
export const dynamic = "force-dynamic";

function pdfRenderingText(p: PdfRenderingView): string {
  if (p.threads === 0) return "PDFs are drawn on the request thread (PDF_RENDER_THREADS=0)";
  const threads = `${p.threads} worker thread${p.threads === 1 ? "" : "s"}`;
  return `PDFs are drawn on ${threads} (${p.started} started): ${p.busy} drawing, ${p.queued} waiting`;
}

export default async function SystemHealthPage() {
  const actor = await requireStaff();
  if (!can(actor, "system.backups.read")) redirect("/dashboard");
  const h = await getSystemHealth(makeCtx(actor));
  const replica = h.replica;
  return (
    <>
      <PageHeader
        title="System health"
        meta={h.ready ? <Badge tone="success">Ready</Badge> : <Badge tone="danger">Not ready</Badge>}
        description="The database, its read replica and the background job queue, as this app instance sees them. Load balancers ask the same at /api/ready."
      />
      <SettingsTabs actor={actor} current="system" />
      <div className="space-y-6">
        <Card>
          <CardHeader title="Database" />
          <CardBody>
            <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[12rem_1fr]">
              <dt className="text-slate-500">Primary</dt>
              <dd>{h.database.ok ? <Badge tone="success">Answering in {h.database.ms} ms</Badge> : <Badge tone="danger">Unreachable</Badge>}</dd>
              {h.database.error && <dd className="text-danger-700 sm:col-start-2 [overflow-wrap:anywhere]">{h.database.error}</dd>}
              <dt className="text-slate-500">Read replica</dt>
              <dd data-testid="replica-status">
                {!replica.configured ? (
                  <span className="text-slate-700">Not configured: reports read the primary (set DATABASE_REPLICA_URL)</span>
                ) : replica.error ? (
                  <Badge tone="danger">Unreachable: reports read the primary</Badge>
                ) : (
                  <>
                    <Badge tone={replica.usable ? "success" : "warning"}>{replica.usable ? "In use for reports" : "Too far behind: reports read the primary"}</Badge>{" "}
                    <span className="text-slate-900">
                      lag <span data-testid="replica-lag">{replica.lagSeconds === null ? "unknown" : `${replica.lagSeconds.toFixed(1)} s`}</span> (limit {replica.maxLagSeconds} s)
                    </span>
                  </>
                )}
              </dd>
              {replica.configured && replica.error && <dd className="text-danger-700 sm:col-start-2 [overflow-wrap:anywhere]">{replica.error}</dd>}
            </dl>
          </CardBody>
        </Card>
        {h.standbys && (
          <Card>
            <CardHeader title="Replicas attached to the primary" description="As the primary reports them (pg_stat_replication)." />
            <CardBody>
              {h.standbys.length === 0 ? (
                <p className="text-sm text-slate-500">None.</p>
              ) : (
                <ul className="space-y-1 text-sm">
                  {h.standbys.map((s) => (
                    <li key={s.name}>
                      <span className="font-mono">{s.name || "(unnamed)"}</span> — {s.state}, replay lag {s.replayLagSeconds === null ? "none measured" : `${s.replayLagSeconds.toFixed(3)} s`}
                    </li>
                  ))}
                </ul>
              )}
            </CardBody>
          </Card>
        )}
        <Card>
          <CardHeader title="Background jobs" />
          <CardBody>
            {h.jobs.ok ? (
              <p className="text-sm text-slate-900">
                {h.jobs.waiting} waiting, {h.jobs.active} running
              </p>
            ) : (
              <p className="text-sm text-danger-700">The job queue could not be read: {h.jobs.error}</p>
            )}
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="This instance" />
          <CardBody>
            <p className="text-sm text-slate-900">
              Process {h.instance.pid}
              {h.instance.hostname ? ` on ${h.instance.hostname}` : ""}, up {Math.floor(h.instance.uptimeSeconds / 60)} min
            </p>
            <p className="mt-1 text-sm text-slate-900" data-testid="pdf-rendering">
              {pdfRenderingText(h.instance.pdfRendering)}
            </p>
          </CardBody>
        </Card>
      </div>
    </>
  );
}

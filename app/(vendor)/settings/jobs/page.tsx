import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { CheckCircleIcon } from "@/components/shell/icons";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { SettingsTabs } from "@/components/settings/settings-tabs";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { makeCtx } from "@/lib/ctx";
import { formatDateTime, formatRelative } from "@/lib/format";
import { listFailedJobs } from "@/lib/jobs/dead-letter";
import { RetryButton } from "./retry-button";

export const metadata: Metadata = { title: "Background jobs" };
export const dynamic = "force-dynamic";

export default async function FailedJobsPage() {
  const actor = await requireStaff();
  if (!can(actor, "audit.read") && !can(actor, "company.write")) redirect("/dashboard");
  const ctx = makeCtx(actor);
  const jobs = await listFailedJobs(ctx);
  const now = ctx.now();
  return (
    <>
      <PageHeader
        title="Background jobs"
        meta={jobs.length > 0 ? <Badge tone="danger">{jobs.length} failed</Badge> : undefined}
        description="Mail and order notifications are sent in the background and retried several times over a few minutes. Those that still fail wait here, so you can fix the cause (a wrong email address, a mail service outage) and retry them."
      />
      <SettingsTabs actor={actor} current="jobs" />
      {jobs.length === 0 ? (
        <EmptyState bordered icon={<CheckCircleIcon />} title="No failed jobs" description="Every email and notification went out. Anything that fails all its retries will show up here." />
      ) : (
        <Table aria-label="Failed background jobs">
          <THead>
            <tr>
              <Th>What</Th>
              <Th className="hidden lg:table-cell">Last error</Th>
              <Th numeric className="hidden sm:table-cell">
                Attempts
              </Th>
              <Th className="hidden md:table-cell">Failed</Th>
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            </tr>
          </THead>
          <TBody>
            {jobs.map((j) => (
              <Tr key={j.id}>
                <Td>
                  <div className="min-w-48">
                    <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">{j.queueLabel}</p>
                    <p className="font-medium text-slate-900 [overflow-wrap:anywhere]">{j.description}</p>
                    {j.lastError && <p className="mt-0.5 text-xs text-danger-700 lg:hidden [overflow-wrap:anywhere]">{j.lastError}</p>}
                    <p className="mt-0.5 text-xs text-slate-500 md:hidden">
                      Failed {formatRelative(j.failedAt, now)} · {j.attempts} attempts
                    </p>
                  </div>
                </Td>
                <Td className="hidden max-w-sm lg:table-cell">
                  <p className="line-clamp-3 text-sm text-danger-700 [overflow-wrap:anywhere]" title={j.lastError ?? undefined}>
                    {j.lastError ?? <span className="text-slate-500">—</span>}
                  </p>
                </Td>
                <Td numeric className="hidden sm:table-cell">
                  {j.attempts}
                </Td>
                <Td muted className="hidden whitespace-nowrap md:table-cell" title={j.queuedAt ? `Queued ${formatDateTime(j.queuedAt)}` : undefined}>
                  {formatDateTime(j.failedAt)}
                </Td>
                <Td className="text-right">
                  <RetryButton id={j.id} label={j.description} />
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </>
  );
}

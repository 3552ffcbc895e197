import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody } from "@/components/ui/card";
import { prisma } from "@/lib/db/client";
import { requireOutboxAccess } from "@/lib/dev/outbox-access";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Mail" };
export const dynamic = "force-dynamic";

export default async function OutboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  await requireOutboxAccess();
  const { id } = await params;
  const m = await prisma.emailMessage.findUnique({ where: { id } });
  if (!m) notFound();
  const attachments = attachmentLinks(m.attachments);
  return (
    <main className="mx-auto max-w-3xl px-4 py-8 sm:px-6">
      <Link href="/dev/outbox" className="text-sm font-medium text-slate-500 hover:text-slate-800">
        ← Outbox
      </Link>
      <h1 className="mt-3 text-xl font-semibold tracking-tight break-words text-slate-900">{m.subject}</h1>
      <Card className="mt-5">
        <dl className="grid gap-x-6 gap-y-2 border-b border-slate-200 px-5 py-4 text-sm sm:grid-cols-[6rem_1fr]">
          <dt className="text-slate-500">To</dt>
          <dd className="break-all text-slate-900">{m.to}</dd>
          <dt className="text-slate-500">Subject</dt>
          <dd className="text-slate-900">{m.subject}</dd>
          <dt className="text-slate-500">Time</dt>
          <dd className="text-slate-900">{formatDateTime(m.createdAt)}</dd>
          <dt className="text-slate-500">Template</dt>
          <dd>
            <code className="font-mono text-xs">{m.template}</code> <Badge className="ml-1">{m.status.toLowerCase()}</Badge>
          </dd>
          {attachments.length > 0 ? (
            <>
              <dt className="text-slate-500">Attachments</dt>
              <dd className="flex flex-wrap gap-x-4 gap-y-1">
                {attachments.map((a, i) =>
                  a.href ? (
                    <a key={i} href={a.href} target="_blank" rel="noreferrer" className="font-medium text-brand-700 hover:underline">
                      {a.filename}
                    </a>
                  ) : (
                    <span key={i} className="text-slate-900">
                      {a.filename}
                    </span>
                  ),
                )}
              </dd>
            </>
          ) : null}
        </dl>
        <CardBody>
          <h2 className="sr-only">Message text</h2>
          <pre data-testid="email-text" className="font-sans text-sm leading-6 break-words whitespace-pre-wrap text-slate-800">
            {m.text}
          </pre>
        </CardBody>
      </Card>
    </main>
  );
}

// Attachments are rendered at delivery and not stored; link each to the route that renders it.
function attachmentLinks(json: unknown): { filename: string; href: string | null }[] {
  if (!Array.isArray(json)) return [];
  return json.map((a: { kind?: string; filename?: string; invoiceId?: string }) => ({
    filename: a?.filename ?? "attachment",
    href: a?.kind === "invoice-pdf" && a.invoiceId ? `/api/v1/invoices/${encodeURIComponent(a.invoiceId)}/pdf` : null,
  }));
}

import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { BrandMark } from "@/components/shell/brand";
import { MailIcon } from "@/components/shell/icons";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { prisma } from "@/lib/db/client";
import { requireOutboxAccess } from "@/lib/dev/outbox-access";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Mail outbox" };
export const dynamic = "force-dynamic";

// The local mail outbox (like Mailpit): without a Resend key, mail is only stored, and is read here.
export default async function OutboxPage() {
  await requireOutboxAccess();
  const messages = await prisma.emailMessage.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 200,
    select: { id: true, to: true, subject: true, template: true, status: true, createdAt: true },
  });
  return (
    <main className="mx-auto max-w-5xl px-4 py-8 sm:px-6">
      <div className="mb-6 flex flex-wrap items-center justify-between gap-3">
        <Link href="/" aria-label="Vendor ERP home">
          <BrandMark />
        </Link>
        <Badge tone="warning" dot>
          Demo only
        </Badge>
      </div>
      <h1 className="text-xl font-semibold tracking-tight text-slate-900">Mail outbox</h1>
      <p className="mt-1 text-sm text-slate-500">
        This is a demo: email is not sent, every message is kept here. Newest first
        {messages.length === 200 ? " (last 200)" : ""}.
      </p>
      <div className="mt-6">
        {messages.length === 0 ? (
          <EmptyState bordered icon={<MailIcon />} title="No mail yet" description="Password codes, invitations and notices will show up here." />
        ) : (
          <Table>
            <THead>
              <tr>
                <Th>To</Th>
                <Th>Subject</Th>
                <Th className="hidden md:table-cell">Template</Th>
                <Th className="text-right">Time</Th>
              </tr>
            </THead>
            <TBody>
              {messages.map((m) => (
                <Tr key={m.id} className="relative hover:bg-slate-50">
                  <Td className="max-w-[10rem] truncate sm:max-w-none">{m.to}</Td>
                  <Td>
                    <Link href={`/dev/outbox/${m.id}`} className="font-medium text-brand-700 after:absolute after:inset-0 hover:underline">
                      {m.subject}
                    </Link>
                  </Td>
                  <Td muted className="hidden md:table-cell">
                    <code className="font-mono text-xs">{m.template}</code>
                  </Td>
                  <Td muted className="text-right whitespace-nowrap">
                    {formatDateTime(m.createdAt)}
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
      </div>
    </main>
  );
}

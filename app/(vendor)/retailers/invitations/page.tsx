import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { redirect } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { makeCtx } from "@/lib/ctx";
import { formatDate, formatDateTime } from "@/lib/format";
import { listInvitations } from "@/lib/network/invitations";
import { Pagination } from "@/components/ui/pagination-links";
import { InvitationStateBadge } from "../_components/status";
import { LinkTabs } from "@/components/ui/link-tabs";
import { InvitationRowActions } from "./invitation-actions";

export const metadata: Metadata = { title: "Invitations" };

const tabs = [
  { key: "pending", label: "Pending" },
  { key: "expired", label: "Expired" },
  { key: "accepted", label: "Accepted" },
  { key: "revoked", label: "Revoked" },
  { key: "all", label: "All" },
] as const;
type Tab = (typeof tabs)[number]["key"];

export default async function InvitationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireStaff();
  if (!can(actor, "retailers.read")) redirect("/dashboard");
  const sp = await searchParams;
  const one = (k: string) => (Array.isArray(sp[k]) ? sp[k][0] : sp[k]) ?? "";
  const status: Tab = tabs.some((t) => t.key === one("status")) ? (one("status") as Tab) : "pending";
  const page = Math.max(1, Number.parseInt(one("page"), 10) || 1);
  const sent = one("sent");
  const result = await listInvitations(makeCtx(actor), { status, page, pageSize: 20 });
  const canWrite = can(actor, "retailers.write");
  const href = (s: Tab, p = 1) => `/retailers/invitations?status=${s}${p > 1 ? `&page=${p}` : ""}`;

  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/retailers" className="hover:text-slate-800">
            ← Retailers
          </Link>
        }
        title="Invitations"
        description="Links you emailed to retailers. A link works once and for 7 days; resending sends a fresh one."
        actions={
          canWrite && (
            <Link href="/retailers/invite" className={buttonClasses()}>
              Invite retailer
            </Link>
          )
        }
      />
      {sent && (
        <Alert tone="success" title="Invitation sent" className="mb-4">
          We emailed an invitation link to <span className="font-medium">{sent}</span>. It is valid for 7 days.
        </Alert>
      )}
      <LinkTabs label="Filter invitations" items={tabs.map((t) => ({ href: href(t.key), label: t.label, active: t.key === status }))} />
      <div className="mt-4">
        {result.items.length === 0 ? (
          <EmptyState
            bordered
            title={status === "all" ? "No invitations yet" : `No ${status} invitations`}
            description="Invite a retailer by email; they set up their account from the link and are connected to you."
            action={
              canWrite ? (
                <Link href="/retailers/invite" className={buttonClasses({ variant: status === "all" ? "primary" : "secondary" })}>
                  Invite retailer
                </Link>
              ) : undefined
            }
          />
        ) : (
          <>
            <Table aria-label="Invitations">
              <THead>
                <tr>
                  <Th>Email</Th>
                  <Th className="hidden sm:table-cell">Business</Th>
                  <Th numeric className="hidden md:table-cell">
                    Sent
                  </Th>
                  <Th className="hidden md:table-cell">Expires</Th>
                  <Th>State</Th>
                  {canWrite && (
                    <Th>
                      <span className="sr-only">Actions</span>
                    </Th>
                  )}
                </tr>
              </THead>
              <TBody>
                {result.items.map((i) => (
                  <Tr key={i.id}>
                    <Td>
                      <span className="font-medium text-slate-900 [overflow-wrap:anywhere]">{i.email}</span>
                      {i.phone && <p className="text-xs text-slate-500">{i.phone}</p>}
                      <p className="text-xs text-slate-500 sm:hidden">{i.businessName}</p>
                      <p className="text-xs text-slate-500 md:hidden">
                        Sent {i.sendCount}× · {i.state === "pending" || i.state === "expired" ? `expires ${formatDate(i.expiresAt)}` : i.state}
                      </p>
                    </Td>
                    <Td className="hidden sm:table-cell">
                      <div className="min-w-36">
                        {i.businessName ?? <span className="text-slate-500">—</span>}
                        {i.contactName && <p className="text-xs text-slate-500">{i.contactName}</p>}
                      </div>
                    </Td>
                    <Td numeric className="hidden md:table-cell" title={`Last sent ${formatDateTime(i.lastSentAt)}`}>
                      {i.sendCount}× <span className="sr-only">sent, last on {formatDateTime(i.lastSentAt)}</span>
                    </Td>
                    <Td muted className="hidden whitespace-nowrap md:table-cell">
                      {i.state === "accepted" && i.acceptedAt ? `Accepted ${formatDate(i.acceptedAt)}` : i.state === "revoked" ? "—" : formatDateTime(i.expiresAt)}
                    </Td>
                    <Td>
                      <InvitationStateBadge state={i.state} />
                    </Td>
                    {canWrite && (
                      <Td align="right">
                        <InvitationRowActions id={i.id} email={i.email} state={i.state} />
                      </Td>
                    )}
                  </Tr>
                ))}
              </TBody>
            </Table>
            <Pagination page={result.page} pageSize={result.pageSize} total={result.total} noun="invitations" hrefFor={(p) => href(status, p)} />
          </>
        )}
      </div>
    </>
  );
}

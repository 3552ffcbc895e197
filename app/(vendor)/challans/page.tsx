import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { PlusIcon } from "@/components/shell/icons";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination-links";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { makeCtx } from "@/lib/ctx";
import { formatDate, formatINR } from "@/lib/format";
import { listChallans } from "@/lib/logistics/challans/challan-views";
import { challanReasonLabels, challanReasons } from "@/lib/logistics/challans/challans.schemas";
import { hrefBuilder, one, pageFrom, type SearchParams } from "@/lib/search-params";
import { ListFilters } from "../inventory/_components/list-filters";

export const metadata: Metadata = { title: "Delivery challans" };
const PAGE_SIZE = 20;

export default async function ChallansPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireStaff();
  const sp = await searchParams;
  const q = (one(sp.q) ?? "").trim().slice(0, 100);
  const status = one(sp.status) || undefined;
  const reason = one(sp.reason) || undefined;
  const page = pageFrom(one(sp.page));
  const result = await listChallans(makeCtx(actor), { q: q || undefined, status, reason, offset: (page - 1) * PAGE_SIZE, pageSize: PAGE_SIZE });
  const href = hrefBuilder("/challans", { q, status, reason });
  const canWrite = can(actor, "logistics.write");
  const filtered = Boolean(q || status || reason);
  return (
    <>
      <PageHeader
        title="Delivery challans"
        description="Goods that move without a sale: stock transfers, goods on approval, job work, exhibitions (CGST Rule 55)."
        actions={
          canWrite && (
            <Link href="/challans/new" className={buttonClasses()}>
              <PlusIcon className="size-4" />
              New challan
            </Link>
          )
        }
      />
      <ListFilters
        search={{ label: "Search challans", placeholder: "DC no., consignee or note" }}
        selects={[
          { name: "status", label: "Status", placeholder: "Any status", options: [{ value: "ISSUED", label: "Issued" }, { value: "CANCELLED", label: "Cancelled" }] },
          { name: "reason", label: "Purpose", placeholder: "Any purpose", options: challanReasons.map((r) => ({ value: r, label: challanReasonLabels[r] })) },
        ]}
      />
      {result.data.length === 0 ? (
        <EmptyState bordered title={filtered ? "No challans match" : "No delivery challans yet"} description={filtered ? "Try another number or filter." : "Issue one when stock goes to another warehouse, on approval or for job work."} action={canWrite && !filtered ? <Link href="/challans/new" className={buttonClasses()}>New challan</Link> : undefined} />
      ) : (
        <>
          <Table aria-label="Delivery challans">
            <THead>
              <tr>
                <Th>Number</Th>
                <Th>Date</Th>
                <Th className="hidden sm:table-cell">Purpose</Th>
                <Th>Consignee</Th>
                <Th numeric className="hidden md:table-cell">Value</Th>
                <Th className="hidden lg:table-cell">E-way bill</Th>
              </tr>
            </THead>
            <TBody>
              {result.data.map((c) => (
                <Tr key={c.id}>
                  <Td>
                    <Link href={`/challans/${c.id}`} className="font-mono text-[13px] font-medium text-slate-900 hover:text-brand-700 hover:underline">
                      {c.number}
                    </Link>
                    {c.status === "CANCELLED" && (
                      <Badge tone="danger" className="ml-2">
                        Cancelled
                      </Badge>
                    )}
                  </Td>
                  <Td muted className="whitespace-nowrap text-[13px]">{formatDate(c.challanDate)}</Td>
                  <Td className="hidden sm:table-cell">{challanReasonLabels[c.reason]}</Td>
                  <Td className="max-w-48 truncate">{c.consignee.name}</Td>
                  <Td numeric className="hidden md:table-cell">{formatINR(c.totalValue)}</Td>
                  <Td muted className="hidden font-mono text-[13px] lg:table-cell">{c.ewayBills.find((e) => e.status === "GENERATED")?.ewbNo ?? "—"}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
          <Pagination page={page} pageSize={PAGE_SIZE} total={result.total} hrefFor={(p) => href({ page: p })} noun="challans" />
        </>
      )}
    </>
  );
}

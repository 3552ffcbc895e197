import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { notFound, redirect } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { makeCtx } from "@/lib/ctx";
import { AppError } from "@/lib/errors";
import { formatIndianNumber } from "@/lib/format";
import { listPriceListItems } from "@/lib/pricing/price-list-items";
import { getPriceListOrThrow } from "@/lib/pricing/price-lists";
import { ListActions } from "./list-actions";
import { PriceItemsTable } from "./price-items-table";

export const metadata: Metadata = { title: "Price list" };

const PAGE_SIZE = 25;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function PriceListPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: SearchParams }) {
  const actor = await requireStaff();
  if (!can(actor, "catalog.read")) redirect("/dashboard");
  const { id } = await params;
  const sp = await searchParams;
  const one = (k: string) => (Array.isArray(sp[k]) ? sp[k][0] : sp[k]) ?? "";
  const q = one("q").trim().slice(0, 100);
  const page = Math.max(1, Number.parseInt(one("page"), 10) || 1);
  const ctx = makeCtx(actor);
  let list;
  try {
    list = await getPriceListOrThrow(ctx, id);
  } catch (err) {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  }
  const items = await listPriceListItems(ctx, { priceListId: id, q: q || undefined, offset: (page - 1) * PAGE_SIZE, pageSize: PAGE_SIZE });
  const canWrite = can(actor, "catalog.write");
  const n = (v: number, one: string, many = `${one}s`) => `${formatIndianNumber(v, 0)} ${v === 1 ? one : many}`;

  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/price-lists" className="hover:text-slate-800">
            ← Price lists
          </Link>
        }
        title={list.name}
        meta={
          <>
            {list.isDefault && <Badge tone="brand">Default</Badge>}
            {!list.active && <Badge>Inactive</Badge>}
          </>
        }
        description={
          <>
            {list.description && <span className="block">{list.description}</span>}
            {n(list.productCount, "product")} · {n(list.itemCount, "price")} ·{" "}
            {list.isDefault ? `every retailer without a list of their own${list.retailerCount ? ` (+ ${n(list.retailerCount, "assigned retailer")})` : ""}` : `${n(list.retailerCount, "retailer")} assigned`}
          </>
        }
        actions={<ListActions list={list} canWrite={canWrite} />}
      />
      {one("created") && (
        <Alert tone="success" className="mb-4" title="Price list created">
          Add product prices below, or import them from a spreadsheet.
        </Alert>
      )}
      {!list.active && (
        <Alert tone="neutral" className="mb-4" title="This list is inactive">
          Retailers assigned to it buy on the default list until you activate it again.
        </Alert>
      )}
      <PriceItemsTable
        priceListId={list.id}
        rows={items.items}
        q={q}
        page={page}
        pageSize={PAGE_SIZE}
        total={items.total}
        hasAny={list.productCount > 0}
        canWrite={canWrite}
      />
    </>
  );
}

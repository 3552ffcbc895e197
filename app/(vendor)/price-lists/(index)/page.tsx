import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { redirect } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { makeCtx } from "@/lib/ctx";
import { formatDate, formatIndianNumber } from "@/lib/format";
import { listPriceLists } from "@/lib/pricing/price-lists";
import { NewPriceListButton } from "../new-price-list";
import { SetDefaultButton } from "../set-default-button";

export const metadata: Metadata = { title: "Price lists" };

const count = (n: number) => formatIndianNumber(n, 0);

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function PriceListsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireStaff();
  if (!can(actor, "catalog.read")) redirect("/dashboard");
  const sp = await searchParams;
  const { items } = await listPriceLists(makeCtx(actor), { pageSize: 100 });
  const canWrite = can(actor, "catalog.write");
  const plural = (n: number, one: string, many = `${one}s`) => `${count(n)} ${n === 1 ? one : many}`;

  return (
    <>
      <PageHeader
        title="Price lists"
        description="What each retailer pays. Retailers without a list of their own buy on the default list; products on no list sell at their base price."
        actions={
          canWrite ? (
            <>
              <Link href="/products/import?kind=prices" className={buttonClasses({ variant: "secondary" })}>
                Import prices
              </Link>
              <NewPriceListButton first={items.length === 0} />
            </>
          ) : undefined
        }
      />
      {sp.deleted && (
        <Alert tone="success" className="mb-4">
          Price list deleted.
        </Alert>
      )}
      {items.length === 0 ? (
        <EmptyState
          bordered
          icon={
            <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.75} strokeLinecap="round" strokeLinejoin="round">
              <path d="M20.6 13.4 13.4 20.6a2 2 0 0 1-2.8 0L3 13V3h10l7.6 7.6a2 2 0 0 1 0 2.8Z" />
              <circle cx="7.5" cy="7.5" r="1.5" />
            </svg>
          }
          title="No price lists yet"
          description="Until you make one, every retailer pays each product's base price. Your first list becomes the default; add others for wholesalers, hotels or a region and assign them to retailers."
          action={canWrite ? <NewPriceListButton first /> : undefined}
        />
      ) : (
        <Table aria-label="Price lists">
          <THead>
            <tr>
              <Th>Price list</Th>
              <Th numeric>Products</Th>
              <Th numeric className="hidden sm:table-cell">
                Prices
              </Th>
              <Th numeric>Retailers</Th>
              <Th className="hidden md:table-cell">Status</Th>
              <Th className="hidden lg:table-cell">Updated</Th>
              {canWrite && (
                <Th className="hidden sm:table-cell">
                  <span className="sr-only">Actions</span>
                </Th>
              )}
            </tr>
          </THead>
          <TBody>
            {items.map((l) => (
              <Tr key={l.id}>
                <Td>
                  <div className="flex flex-wrap items-center gap-2">
                    <Link href={`/price-lists/${l.id}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
                      {l.name}
                    </Link>
                    {l.isDefault && <Badge tone="brand">Default</Badge>}
                    {!l.active && (
                      <Badge tone="neutral" className="md:hidden">
                        Inactive
                      </Badge>
                    )}
                  </div>
                  {l.description && <p className="mt-0.5 max-w-md text-xs text-slate-500">{l.description}</p>}
                </Td>
                <Td numeric>{count(l.productCount)}</Td>
                <Td numeric muted className="hidden sm:table-cell">
                  {count(l.itemCount)}
                </Td>
                <Td numeric>
                  {l.isDefault ? (
                    <span className="text-slate-500" title="Every retailer without a list of their own">
                      {l.retailerCount > 0 ? `${l.retailerCount} + all others` : "All others"}
                    </span>
                  ) : (
                    plural(l.retailerCount, "retailer")
                  )}
                </Td>
                <Td className="hidden md:table-cell">{l.active ? <Badge tone="success" dot>Active</Badge> : <Badge dot>Inactive</Badge>}</Td>
                <Td muted className="hidden whitespace-nowrap lg:table-cell">
                  {formatDate(l.updatedAt)}
                </Td>
                {canWrite && (
                  <Td align="right" className="hidden whitespace-nowrap sm:table-cell">
                    {!l.isDefault && l.active && <SetDefaultButton id={l.id} name={l.name} />}
                  </Td>
                )}
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </>
  );
}

"use client";
// The products priced in one list, each with its quantity slabs; search and pages live in the URL.
import { IntentLink as Link } from "@/components/ui/intent-link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { Fragment, useEffect, useRef, useState, useTransition } from "react";
import { ConfirmButton } from "@/app/(vendor)/retailers/_components/confirm-button";
import { Pagination } from "@/components/ui/pagination-links";
import { PlusIcon, SearchIcon } from "@/components/shell/icons";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { cn } from "@/lib/cn";
import { formatINR, formatQuantity } from "@/lib/format";
import { describeRange } from "@/lib/pricing/dates";
import type { PricedProduct } from "@/lib/pricing/price-list-items";
import type { PriceListItemView } from "@/lib/pricing/views";
import { setItemPricesAction } from "../actions";
import { SlabEditor } from "./slab-editor";

export type PricedRow = { product: PricedProduct; slabs: PriceListItemView[] };

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function slabText(slabs: PriceListItemView[]) {
  return slabs.map((s) => `${formatQuantity(s.minQty)}+ ${formatINR(s.price)}`).join(" · ");
}

export function PriceItemsTable(props: { priceListId: string; rows: PricedRow[]; q: string; page: number; pageSize: number; total: number; hasAny: boolean; canWrite: boolean }) {
  const { rows, canWrite } = props;
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [q, setQ] = useState(props.q);
  const [pending, start] = useTransition();
  const lastPushed = useRef(props.q);
  const [editing, setEditing] = useState<PricedRow | "new" | null>(null);
  const editorRef = useRef<HTMLDivElement>(null);

  const hrefWith = (over: Record<string, string | null>) => {
    const p = new URLSearchParams(params.toString());
    p.delete("created");
    for (const [k, v] of Object.entries(over)) {
      if (v === null || v === "") p.delete(k);
      else p.set(k, v);
    }
    const s = p.toString();
    return s ? `${pathname}?${s}` : pathname;
  };

  useEffect(() => {
    const text = q.trim();
    if (text === lastPushed.current) return;
    const t = setTimeout(() => {
      lastPushed.current = text;
      start(() => router.replace(hrefWith({ q: text || null, page: null }), { scroll: false }));
    }, 350);
    return () => clearTimeout(t);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [q]);

  useEffect(() => {
    if (editing) editorRef.current?.scrollIntoView({ behavior: "smooth", block: "nearest" });
  }, [editing]);

  const openEditor = (row: PricedRow | "new") => setEditing(row);

  return (
    <div className="space-y-4">
      {editing && (
        <div ref={editorRef}>
          <SlabEditor
            key={editing === "new" ? "new" : editing.product.id}
            priceListId={props.priceListId}
            product={editing === "new" ? null : editing.product}
            slabs={editing === "new" ? [] : editing.slabs}
            onDone={() => setEditing(null)}
          />
        </div>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <div className="relative w-full sm:max-w-sm">
          <label htmlFor="price-search" className="sr-only">
            Search products in this list
          </label>
          <SearchIcon aria-hidden className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-slate-500" />
          <Input id="price-search" type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="Search SKU, name or barcode" className="pl-9" autoComplete="off" />
        </div>
        {pending && <Spinner label="Searching" className="text-slate-500" />}
        {canWrite && editing !== "new" && (
          <Button className="sm:ml-auto" onClick={() => openEditor("new")}>
            <PlusIcon className="size-4" />
            Add product price
          </Button>
        )}
      </div>

      {rows.length === 0 ? (
        props.hasAny ? (
          <EmptyState
            bordered
            title="No products match"
            description={`Nothing in this list matches “${props.q}”.`}
            action={
              <Link href={pathname} className={buttonClasses({ variant: "secondary" })}>
                Clear search
              </Link>
            }
          />
        ) : (
          <EmptyState
            bordered
            title="No prices in this list yet"
            description="Products not on this list sell at the default list's price, else their base price. Add prices one by one, or import a spreadsheet of prices."
            action={
              canWrite ? (
                <>
                  <Button onClick={() => openEditor("new")}>Add product price</Button>
                  <Link href="/products/import?kind=prices" className={buttonClasses({ variant: "secondary" })}>
                    Import prices
                  </Link>
                </>
              ) : undefined
            }
          />
        )
      ) : (
        <>
          <Table aria-label="Prices" aria-busy={pending || undefined} wrapperClassName={cn("transition-opacity", pending && "opacity-60")}>
            <THead>
              <tr>
                <Th>Product</Th>
                <Th>Prices (from quantity)</Th>
                <Th className="hidden md:table-cell">Valid</Th>
                {canWrite && (
                  <Th className="hidden sm:table-cell">
                    <span className="sr-only">Actions</span>
                  </Th>
                )}
              </tr>
            </THead>
            <TBody>
              {rows.map((row) => {
                const current = row.slabs.filter((s) => s.state === "current");
                const upcoming = row.slabs.filter((s) => s.state === "upcoming");
                const expired = row.slabs.filter((s) => s.state === "expired");
                // One validity for all of today's slabs reads as one line; otherwise say which slab runs when.
                const distinct = new Set(current.map((s) => describeRange(s.validFrom, s.validTo)));
                const ranges = distinct.size <= 1 ? [...distinct].map(cap) : current.map((s) => `${formatQuantity(s.minQty)}+ ${describeRange(s.validFrom, s.validTo)}`);
                return (
                  <Tr key={row.product.id}>
                    <Td className="sm:min-w-48">
                      <div className="flex flex-wrap items-center gap-2">
                        <span className="font-medium text-slate-900">{row.product.name}</span>
                        {!row.product.active && <Badge>Inactive</Badge>}
                      </div>
                      <p className="mt-0.5 text-xs text-slate-500">
                        <span className="font-mono">{row.product.sku}</span> · base {formatINR(row.product.basePrice)}/{row.product.unit}
                        {row.product.mrp && <> · MRP {formatINR(row.product.mrp)}</>}
                      </p>
                      {canWrite && (
                        <div className="mt-2 flex gap-1 sm:hidden">
                          <RowActions row={row} onEdit={() => openEditor(row)} priceListId={props.priceListId} />
                        </div>
                      )}
                    </Td>
                    <Td>
                      {current.length > 0 ? (
                        <p className="font-medium text-slate-900 tabular-nums" aria-label={slabText(current)}>
                          {current.map((s, i) => (
                            <Fragment key={s.id}>
                              {i > 0 && <span className="text-slate-500"> · </span>}
                              <span className="whitespace-nowrap">
                                {formatQuantity(s.minQty)}+ {formatINR(s.price)}
                              </span>
                            </Fragment>
                          ))}
                        </p>
                      ) : (
                        <p className="text-slate-500">No price today</p>
                      )}
                      {upcoming.length > 0 && (
                        <p className="mt-0.5 text-xs text-info-700 tabular-nums">
                          Upcoming: {upcoming.map((s) => `${formatQuantity(s.minQty)}+ ${formatINR(s.price)} (${describeRange(s.validFrom, s.validTo)})`).join(" · ")}
                        </p>
                      )}
                      {expired.length > 0 && <p className="mt-0.5 text-xs text-slate-500">{expired.length === 1 ? "1 expired price" : `${expired.length} expired prices`}</p>}
                      <p className="mt-0.5 text-xs text-slate-500 md:hidden">{ranges.join("; ")}</p>
                    </Td>
                    <Td muted className="hidden whitespace-nowrap md:table-cell">
                      {ranges.length === 0 ? "—" : ranges.map((r) => <span key={r} className="block">{r}</span>)}
                    </Td>
                    {canWrite && (
                      <Td align="right" className="hidden whitespace-nowrap sm:table-cell">
                        <div className="flex justify-end gap-1">
                          <RowActions row={row} onEdit={() => openEditor(row)} priceListId={props.priceListId} />
                        </div>
                      </Td>
                    )}
                  </Tr>
                );
              })}
            </TBody>
          </Table>
          <Pagination page={props.page} pageSize={props.pageSize} total={props.total} noun="products" hrefFor={(p) => hrefWith({ page: p > 1 ? String(p) : null })} />
        </>
      )}
    </div>
  );
}

function RowActions({ row, onEdit, priceListId }: { row: PricedRow; onEdit: () => void; priceListId: string }) {
  return (
    <>
      <Button size="sm" variant="secondary" onClick={onEdit} aria-label={`Edit prices of ${row.product.name}`}>
        Edit
      </Button>
      <ConfirmButton
        label="Remove"
        variant="ghost"
        title={`Remove ${row.product.name} from this list?`}
        description="All its prices in this list are deleted. Retailers on this list then pay the default list's price, else the base price."
        confirmLabel="Remove prices"
        onConfirm={() => setItemPricesAction(priceListId, { productId: row.product.id, slabs: [] })}
      />
    </>
  );
}

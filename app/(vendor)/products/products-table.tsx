"use client";
// The product list: search, category, stock status, active tabs, sorting and paging live in the
// URL (the server filters and pages); row checkboxes drive bulk activate / deactivate.
import { createColumnHelper, getCoreRowModel, useReactTable, type RowSelectionState, type SortingState } from "@tanstack/react-table";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState, useTransition } from "react";
import { DataTable, type ColumnMeta } from "@/components/data-table/data-table";
import { Pagination } from "@/components/data-table/pagination";
import { useSearchParamsState } from "@/components/data-table/use-search-params-state";
import { BoxIcon, ChevronLeftIcon, ChevronRightIcon, PlusIcon, SearchIcon } from "@/components/shell/icons";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Spinner } from "@/components/ui/spinner";
import type { ProductSortKey, StockStatus } from "@/lib/catalog/catalog.schemas";
import type { ProductListItem, ProductPage } from "@/lib/catalog/list-products";
import { cn } from "@/lib/cn";
import { formatINR } from "@/lib/format";
import { formatQty, StockBadge } from "./_components/stock-badge";
import { bulkSetActiveAction } from "./actions";

export type ProductQuery = {
  q: string;
  category: string;
  active: "all" | "active" | "inactive";
  stock: StockStatus | "";
  sort: ProductSortKey;
  dir: "asc" | "desc";
  page: number;
};

export type CategoryOption = { id: string; name: string; depth: number };

type Props = { data: ProductPage; query: ProductQuery; categories: CategoryOption[]; canWrite: boolean };

const activeTabs = [
  { value: "all", label: "All" },
  { value: "active", label: "Active" },
  { value: "inactive", label: "Inactive" },
] as const;

const stockOptions = [
  { value: "", label: "Any stock" },
  { value: "in_stock", label: "In stock" },
  { value: "low", label: "Low stock" },
  { value: "out", label: "Out of stock" },
];

const sortOptions = [
  { value: "name:asc", label: "Name A–Z" },
  { value: "name:desc", label: "Name Z–A" },
  { value: "sku:asc", label: "SKU" },
  { value: "basePrice:asc", label: "Price: low to high" },
  { value: "basePrice:desc", label: "Price: high to low" },
  { value: "updatedAt:desc", label: "Recently updated" },
  { value: "createdAt:desc", label: "Newest first" },
];

const col = createColumnHelper<ProductListItem>();

export function ProductsTable({ data, query, categories, canWrite }: Props) {
  const { update, pending } = useSearchParamsState();
  const router = useRouter();
  const [search, setSearch] = useState(query.q);
  const [selection, setSelection] = useState<RowSelectionState>({});
  const [notice, setNotice] = useState<{ tone: "success" | "danger"; text: string } | null>(null);
  const [bulkPending, startBulk] = useTransition();

  // Debounced search: the URL (and so the server query) follows the box 300 ms after typing stops.
  // One character matches a third of a big catalog and helps nobody, so searching starts at two.
  const lastQ = useRef(query.q);
  useEffect(() => {
    const q = search.trim();
    if (q === lastQ.current || q.length === 1) return;
    const t = setTimeout(() => {
      lastQ.current = q;
      update({ q });
    }, 300);
    return () => clearTimeout(t);
  }, [search, update]);

  // A new page of rows (filter, sort, page) starts with nothing selected.
  const rowKey = data.items.map((i) => i.id).join(",");
  useEffect(() => setSelection({}), [rowKey]);

  const sorting: SortingState = [{ id: query.sort, desc: query.dir === "desc" }];

  const columns = useMemo(
    () => [
      ...(canWrite
        ? [
            col.display({
              id: "select",
              header: ({ table }) => (
                <input
                  type="checkbox"
                  aria-label="Select all products on this page"
                  className="size-4 rounded border-slate-300 accent-brand-600"
                  checked={table.getIsAllRowsSelected()}
                  ref={(el) => {
                    if (el) el.indeterminate = table.getIsSomeRowsSelected();
                  }}
                  onChange={table.getToggleAllRowsSelectedHandler()}
                />
              ),
              cell: ({ row }) => (
                <input
                  type="checkbox"
                  aria-label={`Select ${row.original.name}`}
                  className="size-4 rounded border-slate-300 accent-brand-600"
                  checked={row.getIsSelected()}
                  onChange={row.getToggleSelectedHandler()}
                />
              ),
              meta: { className: "w-10 pr-0" } satisfies ColumnMeta,
            }),
          ]
        : []),
      col.accessor("name", {
        header: "Product",
        cell: ({ row }) => {
          const p = row.original;
          return (
            <div className="min-w-44 max-w-80 sm:min-w-52">
              <div className="flex items-center gap-2">
                <Link href={`/products/${p.id}`} className={cn("font-medium hover:text-brand-700 hover:underline [overflow-wrap:anywhere]", p.active ? "text-slate-900" : "text-slate-500")}>
                  {p.name}
                </Link>
                {!p.active && <Badge tone="neutral">Inactive</Badge>}
              </div>
              <p className="mt-0.5 text-xs text-slate-500">
                <span className="font-mono">{p.sku}</span>
                {p.brand && <> · {p.brand}</>}
                <span className="lg:hidden">{p.categoryName && <> · {p.categoryName}</>}</span>
              </p>
              {/* On phones the available column is hidden; the status rides along here. */}
              <div className="mt-1.5 sm:hidden">
                <StockBadge status={p.stockStatus} />
              </div>
            </div>
          );
        },
      }),
      col.accessor("sku", { header: "SKU", meta: { className: "hidden" } satisfies ColumnMeta }),
      col.accessor("categoryName", {
        header: "Category",
        enableSorting: false,
        cell: ({ getValue }) => getValue() ?? <span className="text-slate-500">—</span>,
        meta: { className: "hidden lg:table-cell" } satisfies ColumnMeta,
      }),
      col.accessor("hsnCode", {
        header: "HSN · GST",
        enableSorting: false,
        cell: ({ row }) => (
          <span className="whitespace-nowrap tabular-nums text-slate-600">
            <span className="font-mono text-[13px]">{row.original.hsnCode}</span> · {row.original.gstRate}%
          </span>
        ),
        meta: { className: "hidden xl:table-cell" } satisfies ColumnMeta,
      }),
      col.accessor("unit", {
        header: "Unit",
        enableSorting: false,
        cell: ({ row }) => (
          <span className="whitespace-nowrap text-slate-600">
            {row.original.unit}
            {row.original.packUnit && row.original.packSize && (
              <span className="block text-xs text-slate-500">
                {row.original.packUnit} of {formatQty(row.original.packSize)}
              </span>
            )}
          </span>
        ),
        meta: { className: "hidden md:table-cell" } satisfies ColumnMeta,
      }),
      col.accessor("mrp", {
        header: "MRP",
        enableSorting: false,
        cell: ({ getValue }) => {
          const v = getValue();
          return v ? <span className="whitespace-nowrap tabular-nums text-slate-600">{formatINR(v)}</span> : <span className="text-slate-500">—</span>;
        },
        meta: { className: "hidden sm:table-cell text-right", headerClassName: "hidden sm:table-cell text-right" } satisfies ColumnMeta,
      }),
      col.accessor("basePrice", {
        header: "Price",
        cell: ({ getValue }) => <span className="whitespace-nowrap font-medium tabular-nums text-slate-900">{formatINR(getValue())}</span>,
        meta: { className: "text-right", headerClassName: "text-right" } satisfies ColumnMeta,
      }),
      col.accessor("available", {
        header: "Available",
        enableSorting: false,
        cell: ({ row }) => (
          <div className="flex flex-col items-end gap-1">
            <span className="whitespace-nowrap tabular-nums text-slate-900">{formatQty(row.original.available, row.original.unit)}</span>
            <StockBadge status={row.original.stockStatus} />
          </div>
        ),
        meta: { className: "hidden sm:table-cell text-right", headerClassName: "hidden sm:table-cell text-right" } satisfies ColumnMeta,
      }),
      col.accessor("updatedAt", { header: "Updated", meta: { className: "hidden" } satisfies ColumnMeta }),
    ],
    [canWrite],
  );

  const table = useReactTable({
    data: data.items,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (p) => p.id,
    manualPagination: true,
    manualSorting: true,
    enableRowSelection: canWrite,
    enableSortingRemoval: false,
    state: { sorting, rowSelection: selection, columnVisibility: { sku: false, updatedAt: false } },
    onRowSelectionChange: setSelection,
    onSortingChange: (updater) => {
      const next = typeof updater === "function" ? updater(sorting) : updater;
      const s = next[0];
      if (s) update({ sort: s.id === "name" ? null : s.id, dir: s.desc ? "desc" : null });
    },
  });

  const selectedIds = Object.keys(selection).filter((k) => selection[k]);
  const filtered = !!(query.q || query.category || query.stock || query.active !== "all");
  const catalogEmpty = !filtered && data.items.length === 0 && query.page === 1;

  const bulk = (active: boolean) =>
    startBulk(async () => {
      setNotice(null);
      const res = await bulkSetActiveAction({ ids: selectedIds, active });
      if (!res.ok) {
        setNotice({ tone: "danger", text: res.error });
        return;
      }
      const n = res.data.count;
      const verb = active ? "activated" : "deactivated";
      setNotice({ tone: "success", text: n === 0 ? `Nothing to change: the selected products were already ${active ? "active" : "inactive"}.` : `${n} product${n === 1 ? "" : "s"} ${verb}.` });
      setSelection({});
      router.refresh();
    });

  return (
    <div className="space-y-4">
      {notice && (
        <Alert tone={notice.tone} actions={<button type="button" className="text-xs font-medium underline" onClick={() => setNotice(null)}>Dismiss</button>}>
          {notice.text}
        </Alert>
      )}
      <Card className="overflow-hidden">
        <div className="flex flex-col gap-3 border-b border-slate-200 p-3 sm:p-4">
          <div role="tablist" aria-label="Active or inactive" className="inline-flex w-fit rounded-lg bg-slate-100 p-0.5">
            {activeTabs.map((t) => {
              const selected = query.active === t.value;
              const count = data.counts?.[t.value];
              return (
                <button
                  key={t.value}
                  type="button"
                  role="tab"
                  aria-selected={selected}
                  onClick={() => update({ active: t.value === "all" ? null : t.value })}
                  className={cn("flex items-center gap-1.5 rounded-md px-3 py-1.5 text-sm font-medium transition-colors", selected ? "bg-white text-slate-900 shadow-sm" : "text-slate-600 hover:text-slate-900")}
                >
                  {t.label}
                  {count !== undefined && <span className={cn("rounded-full px-1.5 text-xs tabular-nums", selected ? "bg-brand-50 text-brand-700" : "bg-slate-200/70 text-slate-600")}>{count}</span>}
                </button>
              );
            })}
          </div>
          <div className="flex flex-col gap-2 md:flex-row md:items-center">
            <div className="relative md:min-w-56 md:flex-1 lg:max-w-md">
              <label htmlFor="product-search" className="sr-only">
                Search products
              </label>
              <SearchIcon className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-slate-500" />
              <Input id="product-search" type="search" placeholder="Search name, SKU, brand or barcode" value={search} onChange={(e) => setSearch(e.target.value)} className="pl-9" />
              {pending && <Spinner size="sm" className="absolute top-1/2 right-3 -translate-y-1/2 text-slate-500" label="Loading" />}
            </div>
            <div className="md:w-52">
              <label htmlFor="product-category" className="sr-only">
                Filter by category
              </label>
              <Select id="product-category" value={query.category} onChange={(e) => update({ category: e.target.value || null })}>
                <option value="">All categories</option>
                <option value="none">Uncategorised</option>
                {categories.map((c) => (
                  <option key={c.id} value={c.id}>
                    {"\u00a0\u00a0\u00a0".repeat(c.depth)}
                    {c.name}
                  </option>
                ))}
              </Select>
            </div>
            <div className="md:w-40">
              <label htmlFor="product-stock" className="sr-only">
                Filter by stock
              </label>
              <Select id="product-stock" value={query.stock} onChange={(e) => update({ stock: e.target.value || null })} options={stockOptions} />
            </div>
            <div className="md:ml-auto md:w-48">
              <label htmlFor="product-sort" className="sr-only">
                Sort by
              </label>
              <Select
                id="product-sort"
                value={`${query.sort}:${query.dir}`}
                onChange={(e) => {
                  const [sort, dir] = e.target.value.split(":");
                  update({ sort: sort === "name" ? null : sort, dir: dir === "desc" ? "desc" : null });
                }}
              >
                {!sortOptions.some((o) => o.value === `${query.sort}:${query.dir}`) && <option value={`${query.sort}:${query.dir}`}>Custom order</option>}
                {sortOptions.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </Select>
            </div>
          </div>
        </div>

        {canWrite && selectedIds.length > 0 && (
          <div role="region" aria-label="Bulk actions" className="flex flex-wrap items-center gap-3 border-b border-brand-100 bg-brand-50/70 px-4 py-2.5">
            <span className="text-sm font-medium text-brand-800">
              {selectedIds.length} selected
            </span>
            <div className="flex gap-2">
              <Button size="sm" variant="secondary" loading={bulkPending} onClick={() => bulk(true)}>
                Activate
              </Button>
              <Button size="sm" variant="secondary" loading={bulkPending} onClick={() => bulk(false)}>
                Deactivate
              </Button>
            </div>
            <button type="button" className="ml-auto text-sm text-brand-700 hover:underline" onClick={() => setSelection({})}>
              Clear selection
            </button>
          </div>
        )}

        <div className={cn("transition-opacity", pending && "opacity-60")}>
          <DataTable
            table={table}
            caption="Products"
            empty={
              catalogEmpty ? (
                <EmptyState
                  icon={<BoxIcon />}
                  title="No products yet"
                  description="Add the goods you sell one by one, or import your whole catalog from a CSV or Excel file."
                  action={
                    canWrite ? (
                      <>
                        <Link href="/products/import" className={buttonClasses({ variant: "secondary" })}>
                          Import a file
                        </Link>
                        <Link href="/products/new" className={buttonClasses()}>
                          <PlusIcon className="size-4" />
                          Add product
                        </Link>
                      </>
                    ) : undefined
                  }
                />
              ) : (
                <EmptyState
                  icon={<SearchIcon />}
                  title="No products match"
                  description="Try another search, category or stock filter."
                  action={
                    <Button
                      variant="secondary"
                      onClick={() => {
                        setSearch("");
                        lastQ.current = "";
                        update({ q: null, category: null, stock: null, active: null });
                      }}
                    >
                      Clear filters
                    </Button>
                  }
                />
              )
            }
          />
        </div>
        {data.total !== null && data.pageCount !== null ? (
          <Pagination page={data.page} pageSize={data.pageSize} total={data.total} pageCount={data.pageCount} noun="products" onPage={(p) => update({ page: p > 1 ? p : null }, { resetPage: false })} />
        ) : (
          <UncountedPagination page={data.page} pageSize={data.pageSize} shown={data.items.length} hasMore={data.hasMore} onPage={(p) => update({ page: p > 1 ? p : null }, { resetPage: false })} />
        )}
      </Card>
    </div>
  );
}

/** Pages of a stock-filtered list, which is not counted (counting needs every product's stock). */
function UncountedPagination({ page, pageSize, shown, hasMore, onPage }: { page: number; pageSize: number; shown: number; hasMore: boolean; onPage: (p: number) => void }) {
  const from = shown === 0 ? 0 : (page - 1) * pageSize + 1;
  return (
    <nav aria-label="Pagination" className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 px-4 py-3">
      <p className="text-sm text-slate-600 tabular">
        {shown === 0 ? (
          "No products"
        ) : (
          <>
            Showing <span className="font-medium text-slate-900">{from}</span>–<span className="font-medium text-slate-900">{from + shown - 1}</span>
            {hasMore ? " and more" : ""}
          </>
        )}
      </p>
      <div className="flex items-center gap-2">
        <Button variant="secondary" size="sm" disabled={page <= 1} onClick={() => onPage(page - 1)} aria-label="Previous page">
          <ChevronLeftIcon className="size-4" />
          <span className="hidden sm:inline">Previous</span>
        </Button>
        <Button variant="secondary" size="sm" disabled={!hasMore} onClick={() => onPage(page + 1)} aria-label="Next page">
          <span className="hidden sm:inline">Next</span>
          <ChevronRightIcon className="size-4" />
        </Button>
      </div>
    </nav>
  );
}

"use client";
// The orders table: sortable headers write the sort to the URL (the server sorts and pages). On the
// "On hold" tab, people who approve credit release holds from the row. A checkbox per row (and one
// for the page) chooses orders for the bulk bar below the table.
import { createColumnHelper, getCoreRowModel, useReactTable, type SortingState } from "@tanstack/react-table";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { useMemo } from "react";
import { BulkResults } from "@/components/bulk/bulk-results";
import { BulkSelection, SelectAllCheckbox, SelectRowCheckbox } from "@/components/bulk/bulk-selection";
import { DataTable, type ColumnMeta } from "@/components/data-table/data-table";
import { useSearchParamsState } from "@/components/data-table/use-search-params-state";
import { ClipboardIcon, PlusIcon, SearchIcon } from "@/components/shell/icons";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { cn } from "@/lib/cn";
import { formatDate, formatINR } from "@/lib/format";
import type { OrderListItem } from "@/lib/orders/views";
import { OrderBulkBar, type OrderBulkRights } from "./_components/order-bulk-bar";
import { OrderStatusBadge } from "./_components/order-status";
import type { TabKey } from "./_components/order-tabs";
import { ReleaseHoldButton } from "./_components/release-hold-button";

export type OrderSort = "-createdAt" | "createdAt" | "-grandTotal" | "grandTotal" | "-number" | "number";

const col = createColumnHelper<OrderListItem>();

const emptyByTab: Record<TabKey, { title: string; description: string }> = {
  all: { title: "No orders yet", description: "Orders your retailers place in the portal or the app show up here. You can also enter one for a retailer." },
  on_hold: { title: "Nothing on credit hold", description: "Orders placed over a retailer's credit limit wait here until someone who approves credit releases them." },
  placed: { title: "No orders waiting to be confirmed", description: "New orders land here until you confirm them." },
  confirmed: { title: "Nothing to pack", description: "Confirmed orders wait here for the warehouse to pick and pack them." },
  packed: { title: "Nothing waiting for dispatch", description: "Packed orders wait here until they leave the warehouse." },
  dispatched: { title: "Nothing on the road", description: "Dispatched orders stay here until delivery is recorded." },
  delivered: { title: "No delivered orders", description: "Orders with a proof of delivery show up here." },
  cancelled: { title: "No cancelled orders", description: "Orders cancelled before dispatch show up here with their reason." },
  returned: { title: "No returns", description: "Delivered orders with goods sent back show up here." },
  draft: { title: "No drafts", description: "Orders your team saved without placing them wait here. Drafts reserve no stock." },
};

export function OrdersTable({
  rows,
  sort,
  status,
  filtered,
  canWrite,
  canApproveCredit,
  bulkRights,
}: {
  rows: OrderListItem[];
  sort: OrderSort;
  status: TabKey;
  filtered: boolean;
  canWrite: boolean;
  canApproveCredit: boolean;
  bulkRights: OrderBulkRights;
}) {
  const { update, pending } = useSearchParamsState();
  const sortKey = sort.replace(/^-/, "");
  const sorting: SortingState = [{ id: sortKey, desc: sort.startsWith("-") }];
  const rowIds = useMemo(() => rows.map((o) => o.id), [rows]);
  const showRelease = canApproveCredit && rows.some((r) => r.creditHold && r.status === "PLACED");

  const columns = useMemo(
    () => [
      col.display({
        id: "select",
        header: () => <SelectAllCheckbox noun="orders" />,
        cell: ({ row }) => <SelectRowCheckbox id={row.original.id} label={row.original.number} />,
        meta: { className: "w-10 pr-0" } satisfies ColumnMeta,
      }),
      col.accessor("number", {
        header: "Order",
        cell: ({ row }) => {
          const o = row.original;
          return (
            <div className="min-w-36">
              <Link href={`/orders/${o.id}`} className="font-mono text-[13px] font-medium whitespace-nowrap text-slate-900 hover:text-brand-700 hover:underline">
                {o.number}
              </Link>
              {/* On phones the retailer and date columns are hidden; they ride along here. */}
              <p className="mt-0.5 text-xs text-slate-500 md:hidden">
                {o.retailer.name} · {formatDate(o.placedAt ?? o.createdAt)}
              </p>
              <div className="mt-1 sm:hidden">
                <OrderStatusBadge status={o.status} creditHold={o.creditHold} />
              </div>
            </div>
          );
        },
      }),
      col.accessor((o) => o.retailer.name, {
        id: "retailer",
        header: "Retailer",
        enableSorting: false,
        cell: ({ row }) => (
          <div className="min-w-40">
            <span className="font-medium text-slate-900">{row.original.retailer.name}</span>
            {row.original.retailer.customerCode && <p className="font-mono text-xs text-slate-500">{row.original.retailer.customerCode}</p>}
          </div>
        ),
        meta: { className: "hidden md:table-cell" } satisfies ColumnMeta,
      }),
      col.accessor("createdAt", {
        header: "Date",
        cell: ({ row }) => (
          <span className="whitespace-nowrap text-slate-600">
            {formatDate(row.original.placedAt ?? row.original.createdAt)}
            {!row.original.placedAt && <span className="block text-xs text-slate-500">saved</span>}
          </span>
        ),
        meta: { className: "hidden md:table-cell" } satisfies ColumnMeta,
      }),
      col.accessor("lineCount", {
        header: "Lines",
        enableSorting: false,
        cell: ({ getValue }) => <span className="tabular-nums text-slate-600">{getValue()}</span>,
        meta: { className: "hidden lg:table-cell text-right", headerClassName: "hidden lg:table-cell text-right" } satisfies ColumnMeta,
      }),
      col.accessor("grandTotal", {
        header: "Amount",
        cell: ({ getValue }) => <span className="font-medium whitespace-nowrap text-slate-900 tabular-nums">{formatINR(getValue())}</span>,
        meta: { className: "text-right", headerClassName: "text-right" } satisfies ColumnMeta,
      }),
      col.accessor("status", {
        header: "Status",
        enableSorting: false,
        cell: ({ row }) => <OrderStatusBadge status={row.original.status} creditHold={row.original.creditHold} />,
        meta: { className: "hidden sm:table-cell" } satisfies ColumnMeta,
      }),
      ...(showRelease
        ? [
            col.display({
              id: "release",
              header: () => <span className="sr-only">Credit hold</span>,
              cell: ({ row }) => (row.original.creditHold && row.original.status === "PLACED" ? <ReleaseHoldButton orderId={row.original.id} number={row.original.number} retailer={row.original.retailer.name} amount={row.original.grandTotal} /> : null),
              meta: { className: "text-right" } satisfies ColumnMeta,
            }),
          ]
        : []),
    ],
    [showRelease],
  );

  const table = useReactTable({
    data: rows,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (o) => o.id,
    manualSorting: true,
    manualPagination: true,
    enableSortingRemoval: false,
    sortDescFirst: true,
    state: { sorting },
    onSortingChange: (updater) => {
      const s = (typeof updater === "function" ? updater(sorting) : updater)[0];
      if (!s) return;
      const next = `${s.desc ? "-" : ""}${s.id}`;
      update({ sort: next === "-createdAt" ? null : next });
    },
  });

  const empty = filtered ? (
    <EmptyState
      icon={<SearchIcon />}
      title="No orders match"
      description="Try another order number, retailer, date range or amount."
      action={
        <Link href={status === "all" ? "/orders" : `/orders?status=${status}`} className={buttonClasses({ variant: "secondary" })}>
          Clear filters
        </Link>
      }
    />
  ) : (
    <EmptyState
      icon={<ClipboardIcon />}
      title={emptyByTab[status].title}
      description={emptyByTab[status].description}
      action={
        status === "all" && canWrite ? (
          <Link href="/orders/new" className={buttonClasses()}>
            <PlusIcon className="size-4" />
            New order
          </Link>
        ) : undefined
      }
    />
  );

  return (
    <BulkSelection ids={rowIds}>
      <BulkResults className="mb-4" rowHref={(id) => `/orders/${id}`} documentHref={(id) => `/invoices/${id}`} />
      <Card className={cn("overflow-hidden transition-opacity", pending && "opacity-60")} aria-busy={pending || undefined}>
        <DataTable table={table} caption="Orders" empty={empty} />
      </Card>
      <OrderBulkBar rows={rows} rights={bulkRights} />
    </BulkSelection>
  );
}

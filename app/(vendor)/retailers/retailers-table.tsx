"use client";
// The retailers list: debounced search and sortable headers write to the URL; the server pages.
import { createColumnHelper, flexRender, getCoreRowModel, useReactTable } from "@tanstack/react-table";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { cn } from "@/lib/cn";
import { formatINR } from "@/lib/format";
import { Pagination } from "@/components/ui/pagination-links";
import { ConnectionStatusBadge, paymentTermsLabel } from "./_components/status";

export type RetailerRow = {
  id: string;
  name: string;
  legalName: string;
  gstin: string | null;
  customerCode: string | null;
  city: string;
  stateName: string | null;
  creditLimit: string;
  paymentTermsDays: number;
  status: string;
};

type Sort = "name" | "city" | "customerCode" | "creditLimit" | "createdAt";

const col = createColumnHelper<RetailerRow>();
const columns = [
  col.accessor("name", {
    id: "name",
    header: "Retailer",
    meta: { sort: "name" },
    cell: ({ row }) => (
      <div className="min-w-40 md:min-w-48">
        <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
          <Link href={`/retailers/${row.original.id}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
            {row.original.name}
          </Link>
          <span className="sm:hidden">
            <ConnectionStatusBadge status={row.original.status} />
          </span>
        </div>
        <p className="mt-0.5 text-xs text-slate-500">
          {row.original.name !== row.original.legalName && <span>{row.original.legalName} · </span>}
          <span className="font-mono">{row.original.gstin ?? "No GSTIN"}</span>
        </p>
        {/* On phones the code, city and terms columns are hidden; show them here. */}
        <p className="mt-0.5 text-xs text-slate-500 md:hidden">
          {[row.original.customerCode, row.original.city, paymentTermsLabel(row.original.paymentTermsDays)].filter(Boolean).join(" · ")}
        </p>
      </div>
    ),
  }),
  col.accessor("customerCode", {
    header: "Customer code",
    meta: { sort: "customerCode", className: "hidden md:table-cell" },
    cell: (c) => <span className="font-mono text-[13px]">{c.getValue() ?? "—"}</span>,
  }),
  col.accessor("city", {
    header: "City / state",
    meta: { sort: "city", className: "hidden md:table-cell" },
    cell: ({ row }) => (
      <div className="whitespace-nowrap">
        {row.original.city}
        {row.original.stateName && <p className="text-xs text-slate-500">{row.original.stateName}</p>}
      </div>
    ),
  }),
  col.accessor("creditLimit", { header: "Credit limit", meta: { sort: "creditLimit", numeric: true }, cell: (c) => formatINR(c.getValue()) }),
  col.accessor("paymentTermsDays", { header: "Terms", meta: { className: "hidden md:table-cell" }, cell: (c) => <span className="whitespace-nowrap">{paymentTermsLabel(c.getValue())}</span> }),
  col.accessor("status", { header: "Status", meta: { className: "hidden sm:table-cell" }, cell: (c) => <ConnectionStatusBadge status={c.getValue()} /> }),
];

type Meta = { sort?: Sort; numeric?: boolean; className?: string };

export function RetailersTable(props: {
  rows: RetailerRow[];
  q: string;
  sort: Sort;
  dir: "asc" | "desc";
  page: number;
  pageCount: number;
  pageSize: number;
  total: number;
  hasAny: boolean;
  canWrite: boolean;
}) {
  const { rows, sort, dir } = props;
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [q, setQ] = useState(props.q);
  const [pending, start] = useTransition();
  const lastPushed = useRef(props.q);

  const hrefWith = (over: Record<string, string | null>) => {
    const p = new URLSearchParams(params.toString());
    for (const [k, v] of Object.entries(over)) {
      if (v === null || v === "") p.delete(k);
      else p.set(k, v);
    }
    const s = p.toString();
    return s ? `${pathname}?${s}` : pathname;
  };

  // Debounce typing into the URL; the page re-renders on the server with the new filter.
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

  const table = useReactTable({ data: rows, columns, getCoreRowModel: getCoreRowModel(), manualSorting: true, manualPagination: true });

  const sortHref = (key: Sort) => hrefWith({ sort: key, dir: sort === key && dir === "asc" ? "desc" : "asc", page: null });

  return (
    <div className="mt-4">
      <div className="mb-4 flex items-center gap-3">
        <div className="relative w-full sm:max-w-sm">
          <label htmlFor="retailer-search" className="sr-only">
            Search retailers
          </label>
          <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-slate-500">
            <path fillRule="evenodd" d="M9 3.5a5.5 5.5 0 1 0 0 11 5.5 5.5 0 0 0 0-11ZM2 9a7 7 0 1 1 12.452 4.391l3.328 3.329a.75.75 0 1 1-1.06 1.06l-3.329-3.328A7 7 0 0 1 2 9Z" clipRule="evenodd" />
          </svg>
          <Input
            id="retailer-search"
            type="search"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            placeholder="Search name, GSTIN, code or city"
            className="pl-9"
            autoComplete="off"
          />
        </div>
        {pending && <Spinner label="Searching" className="text-slate-500" />}
      </div>

      {rows.length === 0 ? (
        props.hasAny ? (
          <EmptyState
            bordered
            title="No retailers match"
            description={props.q ? `Nothing found for “${props.q}”. Try a GSTIN, a customer code or a city.` : "No retailers have this status."}
            action={
              <Link href="/retailers" className={buttonClasses({ variant: "secondary" })}>
                Clear filters
              </Link>
            }
          />
        ) : (
          <EmptyState
            bordered
            icon={
              <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.75} strokeLinecap="round" strokeLinejoin="round">
                <path d="M3 9l1.5-5h15L21 9M3 9v11h18V9M3 9h18M9 20v-6h6v6" />
              </svg>
            }
            title="No retailers yet"
            description="Invite the shops you already supply. They get an email link to set up their account and can then order from you."
            action={
              props.canWrite ? (
                <Link href="/retailers/invite" className={buttonClasses()}>
                  Invite your first retailer
                </Link>
              ) : undefined
            }
          />
        )
      ) : (
        <>
          <Table aria-label="Retailers" aria-busy={pending || undefined} wrapperClassName={cn("transition-opacity", pending && "opacity-60")}>
            <THead>
              {table.getHeaderGroups().map((hg) => (
                <tr key={hg.id}>
                  {hg.headers.map((h) => {
                    const meta = (h.column.columnDef.meta ?? {}) as Meta;
                    const active = meta.sort && meta.sort === sort;
                    return (
                      <Th key={h.id} numeric={meta.numeric} className={meta.className} aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : undefined}>
                        {meta.sort ? (
                          <Link
                            href={sortHref(meta.sort)}
                            scroll={false}
                            className={cn("inline-flex items-center gap-1 uppercase hover:text-slate-800", active && "text-slate-800")}
                          >
                            {flexRender(h.column.columnDef.header, h.getContext())}
                            <span aria-hidden className={cn("text-[10px]", !active && "opacity-30")}>
                              {active && dir === "desc" ? "▼" : "▲"}
                            </span>
                          </Link>
                        ) : (
                          flexRender(h.column.columnDef.header, h.getContext())
                        )}
                      </Th>
                    );
                  })}
                </tr>
              ))}
            </THead>
            <TBody>
              {table.getRowModel().rows.map((row) => (
                <Tr
                  key={row.id}
                  interactive
                  onClick={(e) => {
                    if ((e.target as HTMLElement).closest("a")) return;
                    router.push(`/retailers/${row.original.id}`);
                  }}
                >
                  {row.getVisibleCells().map((cell) => (
                    <Td key={cell.id} numeric={((cell.column.columnDef.meta ?? {}) as Meta).numeric} className={((cell.column.columnDef.meta ?? {}) as Meta).className}>
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </Td>
                  ))}
                </Tr>
              ))}
            </TBody>
          </Table>
          <Pagination
            page={props.page}
            pageSize={props.pageSize}
            total={props.total}
            noun="retailers"
            hrefFor={(p) => hrefWith({ page: p > 1 ? String(p) : null })}
          />
        </>
      )}
    </div>
  );
}

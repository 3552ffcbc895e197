"use client";
// A @tanstack/react-table renderer on our table primitives. Sorting and paging happen on the
// server: the table only reports which column the user asked to sort by.
import { flexRender, type Table as TanTable } from "@tanstack/react-table";
import type { ReactNode } from "react";
import { SortIcon } from "@/components/shell/icons";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { cn } from "@/lib/cn";

export type ColumnMeta = { className?: string; headerClassName?: string; label?: string };

export function DataTable<T>({ table, empty, caption }: { table: TanTable<T>; empty?: ReactNode; caption?: string }) {
  const rows = table.getRowModel().rows;
  const colCount = table.getVisibleLeafColumns().length;
  return (
    <Table wrapperClassName="rounded-t-none rounded-b-none border-x-0 border-b-0 sm:rounded-none">
      {caption && <caption className="sr-only">{caption}</caption>}
      <THead>
        {table.getHeaderGroups().map((hg) => (
          <tr key={hg.id}>
            {hg.headers.map((header) => {
              const meta = header.column.columnDef.meta as ColumnMeta | undefined;
              const sorted = header.column.getIsSorted();
              const canSort = header.column.getCanSort();
              const content = header.isPlaceholder ? null : flexRender(header.column.columnDef.header, header.getContext());
              return (
                <Th
                  key={header.id}
                  className={cn(meta?.headerClassName ?? meta?.className)}
                  aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : canSort ? "none" : undefined}
                >
                  {canSort ? (
                    <button
                      type="button"
                      onClick={header.column.getToggleSortingHandler()}
                      className={cn(
                        "-mx-1.5 inline-flex items-center gap-1 rounded px-1.5 py-1 uppercase hover:bg-slate-100 hover:text-slate-700",
                        sorted && "text-slate-800",
                      )}
                    >
                      {content}
                      <SortIcon dir={sorted} className="size-3.5" />
                    </button>
                  ) : (
                    content
                  )}
                </Th>
              );
            })}
          </tr>
        ))}
      </THead>
      <TBody>
        {rows.length === 0 ? (
          <tr>
            <td colSpan={colCount}>{empty}</td>
          </tr>
        ) : (
          rows.map((row) => (
            <Tr key={row.id} className="has-[[data-row-select]:checked]:bg-slate-50 has-[[data-row-select]:checked]:shadow-[inset_3px_0_0_var(--color-brand-600)]">
              {row.getVisibleCells().map((cell) => {
                const meta = cell.column.columnDef.meta as ColumnMeta | undefined;
                return (
                  <Td key={cell.id} className={meta?.className}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </Td>
                );
              })}
            </Tr>
          ))
        )}
      </TBody>
    </Table>
  );
}

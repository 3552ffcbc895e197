// Plain table primitives. Sorting/paging live in components/data-table; these only style.
import type {
  HTMLAttributes,
  TableHTMLAttributes,
  TdHTMLAttributes,
  ThHTMLAttributes,
} from "react";
import { cn } from "@/lib/cn";

export type TableProps = TableHTMLAttributes<HTMLTableElement> & {
  /** Class for the scrolling wrapper (border, rounding). */
  wrapperClassName?: string;
};

/** Wrapped in a horizontally scrollable, bordered container so wide tables don't break layout. */
export function Table({ className, wrapperClassName, ...props }: TableProps) {
  return (
    <div
      className={cn(
        "relative w-full overflow-x-auto rounded-lg border border-slate-200 bg-white",
        wrapperClassName,
      )}
    >
      <table className={cn("w-full border-collapse text-left text-sm", className)} {...props} />
    </div>
  );
}

export function THead({ className, ...props }: HTMLAttributes<HTMLTableSectionElement>) {
  return <thead className={cn("border-b border-slate-200 bg-slate-50", className)} {...props} />;
}

export function TBody({ className, ...props }: HTMLAttributes<HTMLTableSectionElement>) {
  return <tbody className={cn("divide-y divide-slate-100", className)} {...props} />;
}

export function TFoot({ className, ...props }: HTMLAttributes<HTMLTableSectionElement>) {
  return (
    <tfoot
      className={cn("border-t border-slate-200 bg-slate-50 font-medium text-slate-900", className)}
      {...props}
    />
  );
}

export type TrProps = HTMLAttributes<HTMLTableRowElement> & {
  /** Hover highlight, for rows that link somewhere. */
  interactive?: boolean;
  selected?: boolean;
};

export function Tr({ className, interactive, selected, ...props }: TrProps) {
  return (
    <tr
      aria-selected={selected || undefined}
      className={cn(
        interactive && "cursor-pointer transition-colors hover:bg-slate-50",
        selected && "bg-brand-50/60 hover:bg-brand-50",
        className,
      )}
      {...props}
    />
  );
}

type Align = "left" | "right" | "center";
const alignClass: Record<Align, string> = {
  left: "text-left",
  right: "text-right",
  center: "text-center",
};

export type ThProps = ThHTMLAttributes<HTMLTableCellElement> & {
  align?: Align;
  /** Right-aligned with tabular figures: amounts, quantities. */
  numeric?: boolean;
};

export function Th({ className, align, numeric, scope = "col", ...props }: ThProps) {
  return (
    <th
      scope={scope}
      className={cn(
        "h-10 px-4 text-xs font-medium tracking-wide whitespace-nowrap text-slate-500 uppercase",
        alignClass[numeric ? "right" : (align ?? "left")],
        className,
      )}
      {...props}
    />
  );
}

export type TdProps = TdHTMLAttributes<HTMLTableCellElement> & {
  align?: Align;
  numeric?: boolean;
  /** Secondary text colour, for less important columns. */
  muted?: boolean;
};

export function Td({ className, align, numeric, muted, ...props }: TdProps) {
  return (
    <td
      className={cn(
        "h-12 px-4 py-2.5 align-middle",
        muted ? "text-slate-500" : "text-slate-800",
        alignClass[numeric ? "right" : (align ?? "left")],
        numeric && "whitespace-nowrap tabular-nums",
        className,
      )}
      {...props}
    />
  );
}

/** Class for a numeric cell outside these primitives (e.g. in @tanstack/react-table renderers). */
export const numericCell = "text-right whitespace-nowrap tabular-nums";

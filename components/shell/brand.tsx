import { cn } from "@/lib/cn";

/** The product mark: a stacked-crates glyph and the name. */
export function BrandMark({ className, inverted, compact }: { className?: string; inverted?: boolean; compact?: boolean }) {
  return (
    <span className={cn("inline-flex items-center gap-2.5", className)}>
      <span
        aria-hidden
        className={cn(
          "flex size-8 items-center justify-center rounded-lg shadow-sm",
          inverted ? "bg-white text-brand-700" : "bg-brand-600 text-white",
        )}
      >
        <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round" className="size-[18px]">
          <path d="M12 3 4 7l8 4 8-4-8-4Z" />
          <path d="m4 12 8 4 8-4" />
          <path d="m4 17 8 4 8-4" />
        </svg>
      </span>
      {!compact && (
        <span className={cn("text-[15px] font-semibold tracking-tight", inverted ? "text-white" : "text-slate-900")}>
          Vendor ERP
        </span>
      )}
    </span>
  );
}

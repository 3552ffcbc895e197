import type { ReactNode } from "react";
import { cn } from "@/lib/cn";

export type EmptyStateProps = {
  icon?: ReactNode;
  title: ReactNode;
  description?: ReactNode;
  /** Usually a primary Button or a link styled with buttonClasses(). */
  action?: ReactNode;
  className?: string;
  /** Draw a dashed border (for empty areas inside a page rather than inside a card). */
  bordered?: boolean;
};

export function EmptyState({ icon, title, description, action, className, bordered }: EmptyStateProps) {
  return (
    <div
      className={cn(
        "flex flex-col items-center justify-center px-6 py-12 text-center",
        bordered && "rounded-lg border border-dashed border-slate-300 bg-white",
        className,
      )}
    >
      {icon && (
        <div
          aria-hidden
          className="mb-4 flex size-11 items-center justify-center rounded-full bg-slate-100 text-slate-500 [&_svg]:size-5"
        >
          {icon}
        </div>
      )}
      <h3 className="text-[15px] font-semibold text-slate-900">{title}</h3>
      {description && <p className="mt-1 max-w-sm text-sm text-slate-500">{description}</p>}
      {action && <div className="mt-5 flex items-center gap-2">{action}</div>}
    </div>
  );
}

import type { ReactNode } from "react";
import { cn } from "@/lib/cn";

export type PageHeaderProps = {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  /** Above the title: breadcrumbs or a back link. */
  eyebrow?: ReactNode;
  /** Next to the title: a status badge. */
  meta?: ReactNode;
  className?: string;
};

/** Page title block. On phones the actions drop below the title instead of squeezing it. */
export function PageHeader({ title, description, actions, eyebrow, meta, className }: PageHeaderProps) {
  return (
    <header className={cn("mb-6 flex flex-col gap-4 md:flex-row md:items-end md:justify-between", className)}>
      <div className="min-w-0 md:flex-1">
        {eyebrow && <div className="mb-1.5 text-[13px] text-slate-500">{eyebrow}</div>}
        <div className="flex flex-wrap items-center gap-x-2.5 gap-y-1">
          <h1 className="text-xl font-semibold tracking-tight text-slate-900 [overflow-wrap:anywhere]">{title}</h1>
          {meta}
        </div>
        {description && <p className="mt-1 max-w-2xl text-sm text-slate-500">{description}</p>}
      </div>
      {actions && <div className="flex flex-wrap items-center gap-2 md:shrink-0 md:justify-end">{actions}</div>}
    </header>
  );
}

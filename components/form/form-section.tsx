import type { ReactNode } from "react";
import { cn } from "@/lib/cn";

/** A titled group of fields: description on the left on wide screens, fields on the right. */
export function FormSection({
  title,
  description,
  children,
  className,
}: {
  title: string;
  description?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  const id = `section-${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
  return (
    <section aria-labelledby={id} className={cn("grid gap-x-8 gap-y-4 py-6 first:pt-0 lg:grid-cols-[16rem_minmax(0,1fr)]", className)}>
      <div>
        <h2 id={id} className="text-[15px] font-semibold text-slate-900">
          {title}
        </h2>
        {description && <p className="mt-1 text-sm text-slate-500">{description}</p>}
      </div>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">{children}</div>
    </section>
  );
}

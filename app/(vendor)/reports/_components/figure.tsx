// A headline figure of a report: a label, the amount, an optional line under it; a link to the
// documents or ledger rows behind it when there is one.
import { IntentLink as Link } from "@/components/ui/intent-link";
import { cn } from "@/lib/cn";

export function Figure({ label, value, href, hint, tone }: { label: string; value: string; href?: string; hint?: string; tone?: "danger" | "warning" | "success" }) {
  const body = (
    <>
      <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">{label}</p>
      <p className={cn("mt-1 text-lg font-semibold tabular-nums sm:text-xl", tone === "danger" ? "text-danger-700" : tone === "warning" ? "text-warning-700" : tone === "success" ? "text-success-700" : "text-slate-900")}>{value}</p>
      {hint && <p className="mt-0.5 text-xs text-slate-500">{hint}</p>}
    </>
  );
  const cls = "block min-w-0 rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-card";
  return href ? (
    <Link href={href} className={cn(cls, "hover:border-brand-300")}>
      {body}
    </Link>
  ) : (
    <div className={cls}>{body}</div>
  );
}

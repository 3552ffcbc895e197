import { forwardRef, type LabelHTMLAttributes } from "react";
import { cn } from "@/lib/cn";

export type LabelProps = LabelHTMLAttributes<HTMLLabelElement> & {
  /** Shows a red asterisk; the control itself should carry `required` for assistive tech. */
  required?: boolean;
};

export const Label = forwardRef<HTMLLabelElement, LabelProps>(function Label(
  { className, required, children, ...props },
  ref,
) {
  return (
    // The asterisk sits outside the <label> (and is aria-hidden) so both the label's text and the
    // control's accessible name are exactly its words: "Legal name", not "Legal name*".
    required ? (
      <span className="flex items-baseline">
        <label ref={ref} className={cn("block text-sm font-medium text-slate-800", className)} {...props}>
          {children}
        </label>
        <span aria-hidden className="ml-0.5 text-sm text-danger-600">
          *
        </span>
      </span>
    ) : (
      <label ref={ref} className={cn("block text-sm font-medium text-slate-800", className)} {...props}>
        {children}
      </label>
    )
  );
});

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
    <label ref={ref} className={cn("block text-sm font-medium text-slate-800", className)} {...props}>
      {children}
      {required && (
        <span aria-hidden className="ml-0.5 text-danger-600">
          *
        </span>
      )}
    </label>
  );
});

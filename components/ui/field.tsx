// Label + control + hint + error, wired for assistive tech: the control gets `id`,
// `aria-invalid` and an `aria-describedby` naming the hint and the error. No hooks, so it
// works in server components; the caller supplies the `id`.
import { cloneElement, isValidElement, type ReactElement, type ReactNode } from "react";
import { cn } from "@/lib/cn";
import { Label } from "./label";

export type FieldControlProps = {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
  "aria-required"?: true;
};

export type FieldProps = {
  /** id of the control; hint and error ids derive from it. */
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  /** Error message (e.g. from react-hook-form `errors.x?.message`). */
  error?: ReactNode;
  required?: boolean;
  className?: string;
  /** Visually hide the label (it stays for screen readers). */
  hideLabel?: boolean;
  /** Extra content on the label row, e.g. a "Look up GSTIN" link. */
  labelAside?: ReactNode;
  /**
   * The control. An element (e.g. `<Input />`) gets the wiring props merged in; a function
   * receives them and returns the control, for components that need them placed elsewhere.
   */
  children: ReactElement<Record<string, unknown>> | ((control: FieldControlProps) => ReactNode);
};

export function Field({
  id,
  label,
  hint,
  error,
  required,
  className,
  hideLabel,
  labelAside,
  children,
}: FieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  const controlProps: FieldControlProps = {
    id,
    "aria-describedby": describedBy,
    "aria-invalid": error ? true : undefined,
    "aria-required": required ? true : undefined,
  };

  let control: ReactNode;
  if (typeof children === "function") {
    control = children(controlProps);
  } else if (isValidElement(children)) {
    const own = children.props["aria-describedby"];
    control = cloneElement(children, {
      ...controlProps,
      "aria-describedby": [own, describedBy].filter(Boolean).join(" ") || undefined,
    });
  } else {
    control = children;
  }

  return (
    <div className={cn("flex flex-col gap-1.5", className)}>
      <div className={cn("flex items-baseline justify-between gap-2", hideLabel && "sr-only")}>
        <Label htmlFor={id} required={required}>
          {label}
        </Label>
        {labelAside && <div className="text-xs text-slate-500">{labelAside}</div>}
      </div>
      {control}
      {hint && !error && (
        <p id={hintId} className="text-xs leading-4 text-slate-500">
          {hint}
        </p>
      )}
      {hint && error && (
        <p id={hintId} className="sr-only">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} role="alert" className="flex items-start gap-1 text-xs leading-4 text-danger-700">
          <svg aria-hidden viewBox="0 0 16 16" fill="currentColor" className="mt-px size-3.5 shrink-0">
            <path
              fillRule="evenodd"
              d="M8 15A7 7 0 1 0 8 1a7 7 0 0 0 0 14ZM8 4a.75.75 0 0 1 .75.75v3.5a.75.75 0 0 1-1.5 0v-3.5A.75.75 0 0 1 8 4Zm0 8a1 1 0 1 0 0-2 1 1 0 0 0 0 2Z"
              clipRule="evenodd"
            />
          </svg>
          <span>{error}</span>
        </p>
      )}
    </div>
  );
}

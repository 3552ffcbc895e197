import { cn } from "@/lib/cn";

export type SpinnerProps = {
  className?: string;
  /** Accessible label; when omitted the spinner is decorative (aria-hidden). */
  label?: string;
  size?: "sm" | "md" | "lg";
};

const sizes = { sm: "size-3.5", md: "size-4", lg: "size-6" } as const;

export function Spinner({ className, label, size = "md" }: SpinnerProps) {
  return (
    <svg
      viewBox="0 0 24 24"
      fill="none"
      className={cn("animate-spin shrink-0", sizes[size], className)}
      role={label ? "status" : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : true}
    >
      <circle cx="12" cy="12" r="9" stroke="currentColor" strokeWidth="3" className="opacity-25" />
      <path d="M21 12a9 9 0 0 0-9-9" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
    </svg>
  );
}

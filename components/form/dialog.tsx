"use client";
// A modal on the native <dialog> (focus trap, Escape and inert background for free).
import { useEffect, useId, useRef, type ReactNode } from "react";
import { XIcon } from "@/components/shell/icons";

export function Dialog({
  open,
  onClose,
  title,
  description,
  children,
  footer,
  wide,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  description?: ReactNode;
  children?: ReactNode;
  footer?: ReactNode;
  /** A wider modal for a table (e.g. reallocating a payment over invoices); "document" for a whole invoice. */
  wide?: boolean | "document";
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onClose={onClose}
      onClick={(e) => e.target === ref.current && onClose()}
      className={`m-auto w-[calc(100%-2rem)] ${wide === "document" ? "max-h-[calc(100dvh-2rem)] max-w-5xl overflow-y-auto" : wide ? "max-w-3xl" : "max-w-md"} rounded-xl border border-slate-200 bg-white p-0 text-slate-900 shadow-popover backdrop:bg-slate-900/40 backdrop:backdrop-blur-[2px]`}
    >
      {open && (
        <div className="p-5">
          <div className="flex items-start justify-between gap-4">
            <div>
              <h2 id={titleId} className="text-base font-semibold">
                {title}
              </h2>
              {description && <div className="mt-1 text-sm text-slate-500">{description}</div>}
            </div>
            <button type="button" onClick={onClose} aria-label="Close" className="-mt-1 -mr-1 rounded-md p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-600">
              <XIcon className="size-5" />
            </button>
          </div>
          {children && <div className="mt-4">{children}</div>}
          {footer && (
            <div className={`mt-5 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end ${wide === "document" ? "sticky bottom-0 -mx-5 -mb-5 border-t border-slate-200 bg-white px-5 py-3" : ""}`}>
              {footer}
            </div>
          )}
        </div>
      )}
    </dialog>
  );
}

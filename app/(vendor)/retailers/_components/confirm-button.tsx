"use client";
// A button that asks before it acts: a native modal <dialog> (focus trap, Esc to close, role
// "dialog" for free) with the consequence spelled out, then runs `onConfirm`.
import { useId, useRef, useState, useTransition, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, type ButtonProps } from "@/components/ui/button";

type Result = { ok: true } | { ok: false; error: string } | { ok: boolean; error?: string };

export function ConfirmButton({
  label,
  title,
  description,
  confirmLabel,
  dismissLabel = "Cancel",
  onConfirm,
  variant = "secondary",
  confirmVariant = "danger",
  size = "sm",
  className,
}: {
  label: ReactNode;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  /** Label of the button that closes the dialog without acting (default "Cancel"). */
  dismissLabel?: string;
  onConfirm: () => Promise<Result | void>;
  variant?: ButtonProps["variant"];
  confirmVariant?: ButtonProps["variant"];
  size?: ButtonProps["size"];
  className?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descId = useId();
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const [open, setOpen] = useState(false);

  const close = () => ref.current?.close();
  const confirm = () =>
    start(async () => {
      setError(null);
      const res = await onConfirm();
      if (res && !res.ok) setError(res.error ?? "Something went wrong.");
      else close();
    });

  return (
    <>
      {/* While the modal is open the page behind it is inert; say so to assistive tech too. */}
      <Button
        variant={variant}
        size={size}
        className={className}
        aria-hidden={open || undefined}
        tabIndex={open ? -1 : undefined}
        onClick={() => {
          setError(null);
          setOpen(true);
          ref.current?.showModal();
        }}
      >
        {label}
      </Button>
      <dialog
        ref={ref}
        aria-labelledby={titleId}
        aria-describedby={descId}
        onClose={() => setOpen(false)}
        className="m-auto w-[calc(100%-2rem)] max-w-md rounded-xl border border-slate-200 bg-white p-0 text-left shadow-popover backdrop:bg-slate-900/40"
      >
        <div className="px-5 pt-5 pb-4">
          <h2 id={titleId} className="text-base font-semibold text-slate-900">
            {title}
          </h2>
          <div id={descId} className="mt-1.5 text-sm text-slate-600">
            {description}
          </div>
          {error && (
            <Alert tone="danger" className="mt-4">
              {error}
            </Alert>
          )}
        </div>
        <div className="flex flex-wrap justify-end gap-2 rounded-b-xl border-t border-slate-200 bg-slate-50 px-5 py-3">
          <Button variant="secondary" onClick={close} disabled={pending}>
            {dismissLabel}
          </Button>
          <Button variant={confirmVariant} onClick={confirm} loading={pending}>
            {confirmLabel}
          </Button>
        </div>
      </dialog>
    </>
  );
}

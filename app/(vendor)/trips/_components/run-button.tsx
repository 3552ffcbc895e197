"use client";
// A button that runs one server action (optionally after a confirm dialog), shows its error and
// refreshes the page. The server checks everything again.
import { useRouter } from "next/navigation";
import { useState, useTransition, type ReactNode } from "react";
import { Dialog } from "@/components/form/dialog";
import { Alert } from "@/components/ui/alert";
import { Button, type ButtonProps } from "@/components/ui/button";

type Result = { ok: true; data?: unknown } | { ok: false; error: string };

export function RunButton({ run, label, variant = "secondary", size, confirm, confirmLabel, children, ariaLabel, disabled }: { run: () => Promise<Result>; label: ReactNode; variant?: ButtonProps["variant"]; size?: ButtonProps["size"]; confirm?: { title: string; description: ReactNode }; confirmLabel?: string; children?: ReactNode; ariaLabel?: string; disabled?: boolean }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const go = () =>
    start(async () => {
      setError(null);
      const res = await run();
      if (!res.ok) {
        setError(res.error);
        if (!confirm) setOpen(true);
        return;
      }
      setOpen(false);
      router.refresh();
    });
  return (
    <>
      <Button variant={variant} size={size} onClick={() => (confirm ? setOpen(true) : go())} loading={pending && !confirm} aria-label={ariaLabel} disabled={disabled}>
        {label}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title={confirm?.title ?? "Could not do that"} description={confirm?.description}>
        {error && (
          <Alert tone="danger" className="mb-4">
            {error}
          </Alert>
        )}
        {children}
        <div className="mt-5 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={() => setOpen(false)} disabled={pending}>
            {confirm ? "Back" : "Close"}
          </Button>
          {confirm && (
            <Button variant={variant === "danger" ? "danger" : "primary"} onClick={go} loading={pending}>
              {confirmLabel ?? (typeof label === "string" ? label : "Confirm")}
            </Button>
          )}
        </div>
      </Dialog>
    </>
  );
}

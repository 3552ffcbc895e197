"use client";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { retryFailedJobAction } from "./actions";

export function RetryButton({ id, label }: { id: string; label: string }) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex flex-col items-end gap-1">
      <Button
        size="sm"
        variant="secondary"
        loading={pending}
        aria-label={`Retry: ${label}`}
        onClick={() =>
          start(async () => {
            const res = await retryFailedJobAction(id);
            setError(res.ok ? null : res.error);
          })
        }
      >
        Retry
      </Button>
      {error && (
        <p role="alert" className="max-w-48 text-right text-xs text-danger-700">
          {error}
        </p>
      )}
    </div>
  );
}

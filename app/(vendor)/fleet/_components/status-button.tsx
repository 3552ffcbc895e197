"use client";
// Deactivate / reactivate a vehicle or driver, with the server's reason shown when it refuses.
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/http/action";

export function StatusButton({ id, active, name, run }: { id: string; active: boolean; name: string; run: (id: string, action: "deactivate" | "activate") => Promise<ActionResult<null>> }) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex flex-col items-end gap-1">
      <Button
        size="sm"
        variant={active ? "ghost" : "secondary"}
        loading={pending}
        aria-label={`${active ? "Deactivate" : "Reactivate"} ${name}`}
        onClick={() =>
          start(async () => {
            setError(null);
            const res = await run(id, active ? "deactivate" : "activate");
            if (!res.ok) setError(res.error);
          })
        }
      >
        {active ? "Deactivate" : "Reactivate"}
      </Button>
      {error && (
        <p role="alert" className="max-w-60 text-right text-xs text-danger-700">
          {error}
        </p>
      )}
    </div>
  );
}

"use client";
// Make default / deactivate / reactivate, with the server's reason shown when it refuses.
import { useState, useTransition } from "react";
import { Dialog } from "@/components/form/dialog";
import { Button } from "@/components/ui/button";
import { warehouseStatusAction } from "../actions";

export function WarehouseActions({ id, code, active, isDefault }: { id: string; code: string; active: boolean; isDefault: boolean }) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [confirm, setConfirm] = useState(false);
  const run = (action: "set-default" | "deactivate" | "activate") =>
    start(async () => {
      setError(null);
      const res = await warehouseStatusAction(id, action);
      setConfirm(false);
      if (!res.ok) setError(res.error);
    });
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex justify-end gap-2 whitespace-nowrap">
        {active && !isDefault && (
          <Button size="sm" variant="secondary" onClick={() => run("set-default")} disabled={pending}>
            Make default
          </Button>
        )}
        {active && !isDefault && (
          <Button size="sm" variant="ghost" onClick={() => setConfirm(true)} disabled={pending}>
            Deactivate
          </Button>
        )}
        {!active && (
          <Button size="sm" variant="secondary" onClick={() => run("activate")} disabled={pending}>
            Reactivate
          </Button>
        )}
      </div>
      {error && (
        <p role="alert" className="max-w-72 text-right text-xs text-danger-700">
          {error}
        </p>
      )}
      <Dialog
        open={confirm}
        onClose={() => setConfirm(false)}
        title={`Deactivate ${code}?`}
        description="It stops taking stock and disappears from pickers. Only an empty warehouse (nothing on hand or reserved) can be deactivated; you can reactivate it later."
        footer={
          <>
            <Button variant="secondary" onClick={() => setConfirm(false)} disabled={pending}>
              Keep it
            </Button>
            <Button variant="danger" onClick={() => run("deactivate")} loading={pending}>
              Deactivate
            </Button>
          </>
        }
      />
    </div>
  );
}

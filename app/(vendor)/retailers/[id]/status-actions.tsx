"use client";
import { ConfirmButton } from "../_components/confirm-button";
import { changeStatusAction } from "../actions";

/** Suspend (blocks new orders), reactivate, or end the connection — each after confirming. */
export function StatusActions({ id, status, name }: { id: string; status: string; name: string }) {
  return (
    <div className="flex flex-wrap gap-2">
      {status === "SUSPENDED" && (
        <ConfirmButton
          label="Reactivate"
          title={`Reactivate ${name}?`}
          description="They can place orders again on their current terms."
          confirmLabel="Reactivate"
          confirmVariant="primary"
          size="md"
          onConfirm={() => changeStatusAction(id, "reactivate")}
        />
      )}
      {status === "ACTIVE" && (
        <ConfirmButton
          label="Suspend"
          title={`Suspend ${name}?`}
          description="They cannot place new orders until you reactivate them. Open orders and invoices are not affected."
          confirmLabel="Suspend retailer"
          size="md"
          onConfirm={() => changeStatusAction(id, "suspend")}
        />
      )}
      {status !== "ENDED" && (
        <ConfirmButton
          label="End connection"
          title={`End the connection with ${name}?`}
          description="They will no longer see you as a vendor or order from you, and their terms can no longer be changed. To work together again they need a new invitation or join request."
          confirmLabel="End connection"
          size="md"
          variant="ghost"
          className="text-danger-700 hover:bg-danger-50 hover:text-danger-800"
          onConfirm={() => changeStatusAction(id, "end")}
        />
      )}
    </div>
  );
}

"use client";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "../_components/confirm-button";
import { resendInvitationAction, revokeInvitationAction } from "../actions";

/** Resend (pending or expired: a fresh 7-day link) and revoke (pending or expired, after confirming). */
export function InvitationRowActions({ id, email, state }: { id: string; email: string; state: string }) {
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  if (state !== "pending" && state !== "expired") return null;
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex flex-col items-end gap-2 sm:flex-row sm:justify-end">
        <Button
          size="sm"
          variant="secondary"
          loading={pending}
          onClick={() =>
            start(async () => {
              const res = await resendInvitationAction(id);
              setMessage(res.ok ? { ok: true, text: "Sent again" } : { ok: false, text: res.error });
            })
          }
        >
          Resend
        </Button>
        <ConfirmButton
          label="Revoke"
          title="Revoke this invitation?"
          description={
            <>
              The link sent to <span className="font-medium text-slate-900">{email}</span> will stop working. You can invite them again later.
            </>
          }
          confirmLabel="Revoke invitation"
          onConfirm={() => revokeInvitationAction(id)}
        />
      </div>
      {message && (
        <p role={message.ok ? "status" : "alert"} className={message.ok ? "text-xs text-success-700" : "max-w-56 text-right text-xs text-danger-700"}>
          {message.text}
        </p>
      )}
    </div>
  );
}

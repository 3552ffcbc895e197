"use client";
import { ConfirmButton } from "@/app/(vendor)/retailers/_components/confirm-button";
import { cancelJoinRequestAction } from "./actions";

export function CancelRequestButton({ id, vendorName }: { id: string; vendorName: string }) {
  return (
    <ConfirmButton
      label="Cancel request"
      title="Cancel this request?"
      description={`${vendorName} will no longer see your request. You can send a new one later.`}
      confirmLabel="Cancel request"
      dismissLabel="Keep request"
      onConfirm={() => cancelJoinRequestAction(id)}
    />
  );
}

"use client";
// Remove a team member: asks first, like every destructive action, and says what follows.
import { ConfirmButton } from "@/app/(vendor)/retailers/_components/confirm-button";
import { removeTeamMemberAction } from "./actions";

export function RemoveMemberButton({ memberId, name }: { memberId: string; name: string }) {
  return (
    <ConfirmButton
      label={
        <>
          Remove<span className="sr-only"> {name}</span>
        </>
      }
      title={`Remove ${name} from your business?`}
      description="They are signed out everywhere at once and can no longer use your business's portal or the app. Orders they placed stay in your history."
      confirmLabel="Remove member"
      dismissLabel="Keep member"
      onConfirm={() => removeTeamMemberAction(memberId)}
    />
  );
}

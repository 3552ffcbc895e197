"use client";
// "Issue credit note" on a credit-note draft: the note as it will read, then the final click.
import { useRouter } from "next/navigation";
import { IssueWithPreview } from "@/components/billing/issue-with-preview";
import { issueCreditNoteDraftAction, previewCreditNoteDraftAction } from "../credit-note-draft-actions";

export function IssueDraftButton({ draftId }: { draftId: string }) {
  const router = useRouter();
  return (
    <IssueWithPreview
      label="Issue credit note…"
      size="sm"
      preview={() => previewCreditNoteDraftAction(draftId)}
      issue={() => issueCreditNoteDraftAction(draftId)}
      onIssued={(id) => {
        router.push(`/invoices/${id}`);
        router.refresh();
      }}
    />
  );
}

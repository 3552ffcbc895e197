// Credit-note drafts on the invoice page: a short or refused delivery left these for the accountant,
// who issues one (a RETURN credit note for the missing quantity, seen as it will read before the final
// click) or dismisses it.
import { Alert } from "@/components/ui/alert";
import { formatDateTime } from "@/lib/format";
import type { PendingCreditNoteView } from "@/lib/billing/pending-credit-notes";
import { RunButton } from "../../trips/_components/run-button";
import { dismissCreditNoteDraftAction } from "../credit-note-draft-actions";
import { IssueDraftButton } from "./issue-draft-button";

export function CreditNoteDrafts({ drafts, canWrite }: { drafts: PendingCreditNoteView[]; canWrite: boolean }) {
  if (drafts.length === 0) return null;
  return (
    <>
      {drafts.map((d) => (
        <Alert
          key={d.id}
          tone="warning"
          className="mb-4"
          title="Credit note to issue"
          actions={
            canWrite ? (
              <>
                <RunButton size="sm" variant="ghost" label="Dismiss" confirm={{ title: "Dismiss this credit note draft?", description: "No credit note is issued; the goods that came back stay in stock." }} run={dismissCreditNoteDraftAction.bind(null, d.id)} />
                <IssueDraftButton draftId={d.id} />
              </>
            ) : undefined
          }
        >
          <p>
            {d.reason} · {formatDateTime(d.createdAt)}
          </p>
          <p>Not delivered: {d.lines.map((l) => `${Number(l.quantity)} × ${l.name}`).join(", ")}</p>
        </Alert>
      ))}
    </>
  );
}

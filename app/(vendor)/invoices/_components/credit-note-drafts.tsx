// Credit-note drafts on the invoice page: a short or refused delivery left these for the accountant,
// who issues one with a click (a RETURN credit note for the missing quantity) or dismisses it.
import { Alert } from "@/components/ui/alert";
import { formatDateTime } from "@/lib/format";
import type { PendingCreditNoteView } from "@/lib/billing/pending-credit-notes";
import { RunButton } from "../../trips/_components/run-button";
import { dismissCreditNoteDraftAction, issueCreditNoteDraftAction } from "../credit-note-draft-actions";

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
                <RunButton size="sm" variant="primary" label="Issue credit note" confirm={{ title: "Issue the credit note?", description: `A RETURN credit note for ${d.lines.map((l) => `${Number(l.quantity)} × ${l.name}`).join(", ")}, at the invoice's prices and tax.` }} run={issueCreditNoteDraftAction.bind(null, d.id)} />
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

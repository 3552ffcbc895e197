// What a bulk action answers: one result per id asked for, in the order asked. Shared by the
// domain functions, the API schema and the screens (no imports, so a client component can use it).

/** The most rows one bulk request may name (a page of the lists is 25). */
export const BULK_MAX = 100;

export const bulkOutcomes = ["done", "skipped", "not_found", "failed"] as const;
export type BulkOutcome = (typeof bulkOutcomes)[number];

export type BulkRowResult = {
  id: string;
  /** The order or document number; null when the id matched nothing the caller can reach. */
  number: string | null;
  /**
   * done: the action ran. skipped: the row's state does not allow it (already done, on credit hold,
   * cancelled, …) and nothing was written. not_found: no such row for this caller. failed: the
   * action was refused or broke; nothing of this row was written.
   */
  outcome: BulkOutcome;
  /** For people: "Confirmed", "On credit hold", the error's message, … */
  message: string;
  /** The error code behind a skip or failure (invalid_transition, conflict, …); null when done. */
  code: string | null;
  /** A document the action made (the invoice of an order), for a link. */
  document: { id: string; number: string } | null;
};

export type BulkResult<A extends string = string> = {
  action: A;
  results: BulkRowResult[];
  summary: Record<BulkOutcome, number>;
};

export function summarize(results: BulkRowResult[]): Record<BulkOutcome, number> {
  const summary = { done: 0, skipped: 0, not_found: 0, failed: 0 };
  for (const r of results) summary[r.outcome] += 1;
  return summary;
}

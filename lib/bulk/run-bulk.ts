import "server-only";
// Runs one action over many rows, one row at a time, each through the row's own domain function
// and so in its own transaction: a row that is refused or breaks changes nothing of its own and
// nothing of the others. Rows run in the order asked, one after another (no parallel transactions
// competing for the same locks or the pool).
import { summarize, type BulkResult, type BulkRowResult } from "@/lib/bulk/bulk-result";
import type { Ctx } from "@/lib/ctx";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";

export type RowDone = { message: string; document?: { id: string; number: string } | null };

/** Per row: skip it with a reason (its state does not allow the action), or run the action. */
export type RowStep = { skip: string; code: "already_done" | "invalid_transition" | "conflict" } | { run: () => Promise<RowDone> };

/** Errors that mean "this row's state does not allow it now" (a skip), not "it broke". */
const SKIP_CODES = new Set(["invalid_transition", "conflict"]);

export async function runBulk<A extends string, T extends { id: string; number: string }>(
  ctx: Ctx,
  action: A,
  ids: string[],
  rows: Map<string, T>,
  noun: string,
  step: (row: T) => RowStep,
): Promise<BulkResult<A>> {
  const results: BulkRowResult[] = [];
  for (const id of [...new Set(ids)]) {
    const row = rows.get(id);
    if (!row) {
      results.push({ id, number: null, outcome: "not_found", message: `${noun} not found`, code: "not_found", document: null });
      continue;
    }
    const s = step(row);
    if ("skip" in s) {
      results.push({ id, number: row.number, outcome: "skipped", message: s.skip, code: s.code, document: null });
      continue;
    }
    try {
      const done = await s.run();
      results.push({ id, number: row.number, outcome: "done", message: done.message, code: null, document: done.document ?? null });
    } catch (err) {
      results.push({ id, number: row.number, ...failure(ctx, err, id) });
    }
  }
  return { action, results, summary: summarize(results) };
}

function failure(ctx: Ctx, err: unknown, id: string): Pick<BulkRowResult, "outcome" | "message" | "code" | "document"> {
  if (err instanceof AppError) {
    const outcome = err.code === "not_found" ? "not_found" : SKIP_CODES.has(err.code) ? "skipped" : "failed";
    return { outcome, message: err.message, code: err.code, document: null };
  }
  log("error", "bulk action row failed", { requestId: ctx.requestId, id, error: String((err as Error)?.stack ?? err) });
  return { outcome: "failed", message: `Something went wrong on our side (request ${ctx.requestId})`, code: "internal", document: null };
}

// Links from a stock report figure to the ledger rows behind it (/reports/stock/ledger).
import type { LedgerFigure } from "@/lib/reporting/stock/stock.schemas";
import { href } from "../stock-query";

export function ledgerHref(figure: LedgerFigure, filters: Record<string, string | undefined>, period?: { from: string; to: string }): string {
  return href("/reports/stock/ledger", { figure: figure === "on_hand" ? undefined : figure, ...(period ?? {}), ...filters });
}

// GET /api/v1/reports/stock/ledger — the stock ledger rows behind a stock report figure (its drill-down), with their sum
import { reportRoute } from "@/lib/reporting/export/report-route";
import { listStockLedger } from "@/lib/reporting/stock/list-stock-ledger";

export const GET = reportRoute(listStockLedger);

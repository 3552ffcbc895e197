// GET /api/v1/me/vendors/{code}/ledger — a retailer's statement of account with one vendor (?from&to; ?format=csv for a CSV file)
import { getMyLedger } from "@/lib/billing/get-ledger";
import { ledgerCsvResponse } from "@/lib/billing/ledger-csv";
import { apiRoute } from "@/lib/http/route";

export const GET = apiRoute(async ({ ctx, params, url }) => {
  const ledger = await getMyLedger(ctx, params.code, { from: url.searchParams.get("from") ?? undefined, to: url.searchParams.get("to") ?? undefined });
  return url.searchParams.get("format") === "csv" ? ledgerCsvResponse(ledger) : ledger;
});

// GET /api/v1/retailers/{id}/ledger — a connected retailer's statement of account ({id} = connection id; ?from&to; ?format=csv for a CSV file)
import { getLedger } from "@/lib/billing/get-ledger";
import { ledgerCsvResponse } from "@/lib/billing/ledger-csv";
import { apiRoute } from "@/lib/http/route";

export const GET = apiRoute(async ({ ctx, params, url }) => {
  const ledger = await getLedger(ctx, { connectionId: params.id, from: url.searchParams.get("from") ?? undefined, to: url.searchParams.get("to") ?? undefined });
  return url.searchParams.get("format") === "csv" ? ledgerCsvResponse(ledger) : ledger;
});

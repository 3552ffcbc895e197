// GET /api/v1/invoices/{id}/e-way-bill?vehicleNo&distanceKm — the e-way bill JSON of a tax invoice (?download=1 for the portal upload file)
import { getEwayBillJson } from "@/lib/billing/einvoice/eway-bill";
import { apiRoute, Reply } from "@/lib/http/route";

export const GET = apiRoute(async ({ ctx, params, url }) => {
  const q = Object.fromEntries([...url.searchParams].filter(([k]) => k !== "download"));
  const view = await getEwayBillJson(ctx, params.id, q);
  if (url.searchParams.get("download") !== "1") return view;
  const filename = `${view.number.replace(/\//g, "-")}-ewaybill.json`;
  return new Reply(200, { version: "1.0.0621", billLists: [view.json] }, { "content-disposition": `attachment; filename="${filename}"` });
});

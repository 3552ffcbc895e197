// DELETE /api/v1/tax-rates/{id} — delete one of the company's own GST rates (the published schedule is read-only)
import { deleteTaxRate } from "@/lib/billing/tax-rates";
import { apiRoute, noContent } from "@/lib/http/route";

export const DELETE = apiRoute(async ({ ctx, params }) => {
  await deleteTaxRate(ctx, params.id);
  return noContent();
});

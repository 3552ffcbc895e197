// DELETE /api/v1/me/business/users/{id} — remove a team member (owner only; ends their sessions)
import { apiRoute, noContent } from "@/lib/http/route";
import { removeRetailerUser } from "@/lib/network/remove-retailer-user";

export const DELETE = apiRoute(async ({ ctx, params }) => {
  await removeRetailerUser(ctx, params.id);
  return noContent();
});

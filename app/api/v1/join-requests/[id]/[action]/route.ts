// POST /api/v1/join-requests/{id}/approve|reject|cancel — vendor decides (approve with terms, reject with reason); retailer cancels
import { AppError } from "@/lib/errors";
import { apiRoute } from "@/lib/http/route";
import { approveJoinRequest, cancelJoinRequest, rejectJoinRequest } from "@/lib/network/join-requests";

export const POST = apiRoute(async ({ ctx, params, body }) => {
  if (params.action === "approve") return approveJoinRequest(ctx, params.id, body ?? {});
  if (params.action === "reject") return rejectJoinRequest(ctx, params.id, body ?? {});
  if (params.action === "cancel") return cancelJoinRequest(ctx, params.id);
  throw new AppError("not_found", `Unknown action ${params.action}; use approve, reject or cancel`);
});

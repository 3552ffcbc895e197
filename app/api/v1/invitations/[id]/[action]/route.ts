// POST /api/v1/invitations/{id}/resend|revoke — send a fresh link, or withdraw the invitation
import { AppError } from "@/lib/errors";
import { apiRoute } from "@/lib/http/route";
import { resendInvitation, revokeInvitation } from "@/lib/network/invitations";

export const POST = apiRoute(async ({ ctx, params }) => {
  if (params.action === "resend") return resendInvitation(ctx, params.id);
  if (params.action === "revoke") return revokeInvitation(ctx, params.id);
  throw new AppError("not_found", `Unknown action ${params.action}; use resend or revoke`);
});

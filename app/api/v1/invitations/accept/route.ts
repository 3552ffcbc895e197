// POST /api/v1/invitations/accept — accept an invitation: sign up with a business, or confirm with an existing password
import { prisma } from "@/lib/db/client";
import { publicRoute } from "@/lib/http/route";
import { acceptInvitation } from "@/lib/network/accept-invitation";

export const POST = publicRoute(async ({ body, requestId }) => {
  const { connection, retailerId } = await acceptInvitation(prisma, body, { requestId });
  return { connection, retailerId };
});

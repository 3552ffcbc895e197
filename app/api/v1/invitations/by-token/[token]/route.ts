// GET /api/v1/invitations/by-token/{token} — public preview of an invitation link (vendor, email, state)
import { prisma } from "@/lib/db/client";
import { publicRoute } from "@/lib/http/route";
import { getInvitationByToken } from "@/lib/network/accept-invitation";

export const GET = publicRoute(({ params }) => getInvitationByToken(prisma, params.token));

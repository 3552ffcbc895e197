// POST /api/v1/auth/password-reset/request — email a 6-digit code (never reveals if the email exists)
import { requestPasswordReset } from "@/lib/auth/password-reset";
import { prisma } from "@/lib/db/client";
import { Reply, publicRoute } from "@/lib/http/route";

export const POST = publicRoute(async ({ body, ip }) => new Reply(202, await requestPasswordReset(prisma, body, { ip })));

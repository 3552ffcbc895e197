// POST /api/v1/auth/password-reset/confirm — set a new password with the emailed code
import { resetPassword } from "@/lib/auth/password-reset";
import { prisma } from "@/lib/db/client";
import { publicRoute } from "@/lib/http/route";

export const POST = publicRoute(async ({ body }) => resetPassword(prisma, body));

// POST /api/v1/auth/logout — revoke the refresh token's family (idempotent)
import { refreshRequest } from "@/lib/auth/auth.schemas";
import { revokeRefreshToken } from "@/lib/auth/tokens";
import { prisma } from "@/lib/db/client";
import { noContent, publicRoute } from "@/lib/http/route";
import { parseInput } from "@/lib/validation";

export const POST = publicRoute(async ({ body }) => {
  const { refreshToken } = parseInput(refreshRequest, body);
  await revokeRefreshToken(prisma, refreshToken);
  return noContent();
});

// POST /api/v1/auth/refresh — rotate a refresh token; reusing a spent one revokes its family
import { refreshRequest } from "@/lib/auth/auth.schemas";
import { rotateRefreshToken } from "@/lib/auth/tokens";
import { prisma } from "@/lib/db/client";
import { publicRoute } from "@/lib/http/route";
import { parseInput } from "@/lib/validation";

export const POST = publicRoute(async ({ body }) => {
  const { refreshToken } = parseInput(refreshRequest, body);
  return rotateRefreshToken(prisma, refreshToken);
});

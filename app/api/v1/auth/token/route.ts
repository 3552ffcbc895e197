// POST /api/v1/auth/token — exchange email + password for an access token and a refresh token
import { tokenRequest } from "@/lib/auth/auth.schemas";
import { authenticate } from "@/lib/auth/authenticate";
import { issueTokenPair } from "@/lib/auth/tokens";
import { prisma } from "@/lib/db/client";
import { publicRoute } from "@/lib/http/route";
import { parseInput } from "@/lib/validation";

export const POST = publicRoute(async ({ body, ip }) => {
  const input = parseInput(tokenRequest, body);
  const actor = await authenticate(prisma, { ...input, ip });
  return issueTokenPair(prisma, actor);
});

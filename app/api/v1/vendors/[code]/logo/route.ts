// GET /api/v1/vendors/{code}/logo — a vendor's logo, public (shown in the mails about its orders)
import { getPublicLogoOrThrow } from "@/lib/company/get-public-logo";
import { prisma } from "@/lib/db/client";
import { imageResponse } from "@/lib/http/image-response";
import { publicRoute } from "@/lib/http/route";

export const GET = publicRoute(async ({ params }) => {
  const logo = await getPublicLogoOrThrow(prisma, params.code);
  return imageResponse(logo.bytes, logo.mimeType, { name: `${params.code}-logo`, cacheControl: "public, max-age=86400" });
});

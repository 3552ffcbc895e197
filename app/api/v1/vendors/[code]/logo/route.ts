// GET /api/v1/vendors/{code}/logo — a vendor's logo, public (shown in the mails about its orders)
import { getPublicLogoOrThrow } from "@/lib/company/get-public-logo";
import { prisma } from "@/lib/db/client";
import { publicRoute } from "@/lib/http/route";

export const GET = publicRoute(async ({ params }) => {
  const logo = await getPublicLogoOrThrow(prisma, params.code);
  return new Response(new Uint8Array(logo.bytes), { headers: { "content-type": logo.mimeType, "cache-control": "public, max-age=86400", "x-content-type-options": "nosniff" } });
});

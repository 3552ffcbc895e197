// GET /api/v1/company/logo — the company's logo image; PUT — upload (raw image body); DELETE — remove
import { getCompanyLogoOrThrow, removeCompanyLogo, setCompanyLogo } from "@/lib/company/company-logo";
import { imageResponse } from "@/lib/http/image-response";
import { apiRoute, noContent } from "@/lib/http/route";

export const GET = apiRoute(async ({ ctx }) => {
  const logo = await getCompanyLogoOrThrow(ctx);
  return imageResponse(logo.bytes, logo.mimeType, { name: "logo", cacheControl: "private, max-age=86400" });
});

export const PUT = apiRoute(async ({ ctx, bytes, contentType }) => setCompanyLogo(ctx, { mimeType: contentType, bytes }), { body: "binary" });

export const DELETE = apiRoute(async ({ ctx }) => {
  await removeCompanyLogo(ctx);
  return noContent();
});

// CSRF defence for /api/v1 requests authenticated by the browser's session cookie (bearer-token
// requests cannot be forged by another page, webhooks take neither). The same rule server actions
// follow — the Origin must be this site's — plus a custom header only our own pages send.
import { CSRF_HEADER, CSRF_VALUE } from "@/lib/http/api-fetch";
import { appUrl } from "@/lib/env";
import { AppError } from "@/lib/errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function assertCookieWriteAllowed(req: Request): void {
  if (SAFE_METHODS.has(req.method)) return;
  const origin = req.headers.get("origin");
  if (!origin || !isOwnOrigin(origin, req)) {
    throw new AppError("forbidden", "Cross-site request refused: a cookie-authenticated write must come from this site's own pages (or use a bearer token)", { details: { reason: "origin" } });
  }
  if (req.headers.get(CSRF_HEADER) !== CSRF_VALUE) {
    throw new AppError("forbidden", `Cross-site request refused: a cookie-authenticated write must send the header ${CSRF_HEADER}: ${CSRF_VALUE} (or use a bearer token)`, { details: { reason: "header" } });
  }
}

function isOwnOrigin(origin: string, req: Request): boolean {
  let o: URL;
  try {
    o = new URL(origin);
  } catch {
    return false;
  }
  if (o.origin === new URL(appUrl()).origin) return true;
  // As Next.js checks server actions: the Origin's host must be the host the request was sent to.
  const host = req.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || req.headers.get("host");
  return !!host && o.host === host;
}

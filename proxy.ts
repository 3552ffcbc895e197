// Runs before every request except the build's static files and the API (next.config.ts sends their
// headers, apiHeaderRules): sends the browser's security headers and gives each page render a fresh CSP nonce. Next.js reads the nonce
// from the request's Content-Security-Policy header and puts it on its own scripts, which is why every
// page renders dynamically (app/layout.tsx). Headers set here win over a route handler's own.
import { NextResponse, type NextRequest } from "next/server";
import { hasForbiddenChars } from "@/lib/control-chars";
import { env, mapTileUrl } from "@/lib/env";
import { isFilePath, newNonce, securityHeaders } from "@/lib/http/security-headers";

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const e = env();
  const nonce = isFilePath(pathname) ? undefined : newNonce();
  const headers = securityHeaders({ pathname, nonce, dev: e.NODE_ENV === "development", hstsMaxAge: e.HSTS_MAX_AGE, mapTiles: mapTileUrl() });
  const requestHeaders = new Headers(request.headers);
  // A client could send its own x-nonce or CSP header; only ours may reach the render.
  requestHeaders.delete("x-nonce");
  requestHeaders.delete("content-security-policy");
  if (nonce) {
    requestHeaders.set("x-nonce", nonce);
    requestHeaders.set("content-security-policy", headers["content-security-policy"]);
  }
  // A page address with NUL or another control character (`?q=%00`) would reach the database through the
  // page's own query and fail there: refuse it here, as the API doors do for theirs.
  if (urlHasForbiddenChars(request.nextUrl)) {
    const refused = new NextResponse("The address contains characters that are not allowed (control characters such as NUL).", { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
    for (const [k, v] of Object.entries(securityHeaders({ pathname, hstsMaxAge: e.HSTS_MAX_AGE, dev: false }))) refused.headers.set(k, v);
    return refused;
  }
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [k, v] of Object.entries(headers)) response.headers.set(k, v);
  return response;
}

function urlHasForbiddenChars(url: URL): boolean {
  for (const [name, value] of url.searchParams) if (hasForbiddenChars(name) || hasForbiddenChars(value)) return true;
  try {
    return hasForbiddenChars(decodeURIComponent(url.pathname));
  } catch {
    return true; // a malformed escape in the path
  }
}

export const config = {
  // Everything but the hashed build output and the API; /_next/image is not used (images are served by the API).
  matcher: ["/((?!_next/static/|api/).*)"],
};

// next-auth's own endpoints (session, csrf, callback, signout). A callbackUrl that is not a URL of
// this site (malformed, another host) is dropped before Auth.js sees it: Auth.js answers such a value
// with a 500, and an open redirect must never be possible anyway.
import { NextRequest } from "next/server";
import { handlers, safeRedirect } from "@/lib/auth/auth";
import { appUrl } from "@/lib/env";

export const GET = (req: NextRequest) => handlers.GET(withSafeCallback(req));
export const POST = (req: NextRequest) => handlers.POST(withSafeCallback(req));

function withSafeCallback(req: NextRequest): NextRequest {
  const base = appUrl();
  const url = req.nextUrl.clone();
  const value = url.searchParams.get("callbackUrl");
  let changed = false;
  if (value !== null && safeRedirect(value, base) !== value) {
    const safe = safeRedirect(value, base);
    if (safe === base) url.searchParams.delete("callbackUrl");
    else url.searchParams.set("callbackUrl", safe);
    changed = true;
  }
  const headers = new Headers(req.headers);
  for (const c of req.cookies.getAll()) {
    if (c.name.endsWith("authjs.callback-url") && safeRedirect(c.value, base) !== c.value) {
      const kept = req.cookies.getAll().filter((x) => x.name !== c.name);
      headers.set("cookie", kept.map((x) => `${x.name}=${encodeURIComponent(x.value)}`).join("; "));
      changed = true;
    }
  }
  return changed ? new NextRequest(url, { method: req.method, headers, body: req.body, duplex: "half" } as RequestInit & { duplex: "half" }) : req;
}

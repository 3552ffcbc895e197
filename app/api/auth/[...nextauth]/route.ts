// next-auth's own endpoints (session, csrf, callback, signout). A callbackUrl that is not a URL of
// this site (malformed, another host) is dropped before Auth.js sees it: Auth.js answers such a value
// with a 500, and an open redirect must never be possible anyway.
import { NextRequest } from "next/server";
import { handlers, safeRedirect } from "@/lib/auth/auth";
import { appUrl } from "@/lib/env";

export const GET = async (req: NextRequest) => handlers.GET(await withSafeCallback(req));
export const POST = async (req: NextRequest) => handlers.POST(await withSafeCallback(req));

async function withSafeCallback(req: NextRequest): Promise<NextRequest> {
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
  if (!changed) return req;
  // GET/HEAD carry no body; a POST's form body is read once, so hand over its bytes.
  const body = req.method === "GET" || req.method === "HEAD" ? undefined : await req.arrayBuffer();
  return new NextRequest(url, { method: req.method, headers, body });
}

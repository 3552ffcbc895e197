// ANY /api/… that no route serves — 404 problem+json for every method, never the HTML not-found page.
// Real routes (/api/v1/…, next-auth's /api/auth/…) are more specific and always win over this catch-all.
import { randomUUID } from "node:crypto";
import { problemBody, problemResponse } from "@/lib/http/problem";

function unknownPath(req: Request): Response {
  const { pathname } = new URL(req.url);
  const requestId = randomUUID();
  const res = problemResponse(problemBody("not_found", `No API route at ${req.method} ${pathname}. The API reference is at /api-docs.`, { status: 404, requestId, instance: pathname }), { "x-request-id": requestId, "cache-control": "no-store" });
  return req.method === "HEAD" ? new Response(null, { status: 404, headers: res.headers }) : res;
}

export const GET = unknownPath;
export const HEAD = unknownPath;
export const POST = unknownPath;
export const PUT = unknownPath;
export const PATCH = unknownPath;
export const DELETE = unknownPath;
export const OPTIONS = unknownPath;

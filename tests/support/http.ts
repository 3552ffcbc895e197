// Calls Next.js route handlers directly with real Request objects: the full wrapper (auth, body
// rules, idempotency, problem+json) runs against the real database, without a server. Every answer
// is also checked against the OpenAPI document (the handlers are wrapped: tests/support/route-contract.ts).
type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

export async function call(handler: Handler, opts: { method?: string; path?: string; token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string>; params?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let body: string | undefined = opts.rawBody;
  if (opts.body !== undefined) body = JSON.stringify(opts.body);
  if (body !== undefined && !headers["content-type"]) headers["content-type"] = "application/json";
  const res = await handler(new Request(`http://localhost${opts.path ?? "/api/v1/test"}`, { method: opts.method ?? "GET", headers, body }), { params: Promise.resolve(opts.params ?? {}) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, json: text ? JSON.parse(text) : null };
}

// The one wrapper every /api/v1 route goes through: request id, actor (bearer token or browser
// session), JSON body rules, Idempotency-Key, problem+json errors and one log line per request.
import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { actorFromSession } from "@/lib/auth/session";
import { actorFromAccessToken } from "@/lib/auth/tokens";
import { makeCtx, type Ctx } from "@/lib/ctx";
import { prisma } from "@/lib/db/client";
import { assertCleanRequest, unstorableTextError } from "@/lib/control-chars";
import { databaseBusyError } from "@/lib/db/busy";
import { AppError } from "@/lib/errors";
import { assertCookieWriteAllowed } from "@/lib/http/csrf";
import { clientAddress } from "@/lib/http/client-address";
import { beginIdempotent, finishIdempotent, type CommittedResult } from "@/lib/http/idempotency";
import { jsonResponse, problemFromError, problemResponse } from "@/lib/http/problem";
import { logRequest } from "@/lib/log";

export const MAX_BODY_BYTES = 1024 * 1024;

type RouteContext = { params: Promise<Record<string, string>> };

export type ApiRequest = {
  req: Request;
  url: URL;
  params: Record<string, string>;
  /** Parsed JSON body (undefined for GET/DELETE without a body). */
  body: unknown;
  /** The raw bytes, for routes declared with { body: "binary" } (e.g. image uploads). */
  bytes?: Buffer;
  contentType: string | null;
  requestId: string;
  ip?: string;
};

export type AuthedRequest = ApiRequest & { ctx: Ctx; actor: Actor };

export class Reply {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {}
}
export const created = (body: unknown, headers?: Record<string, string>) => new Reply(201, body, headers);
export const noContent = () => new Reply(204, null);

/**
 * body: "binary" hands the raw bytes to the handler; maxBytes raises the 1 MB cap (file uploads).
 * answerCommitted: for a POST whose transaction records what it made on its Idempotency-Key (orders):
 * the answer for a replay that takes over the claim of a request whose instance died after commit.
 */
type RouteOptions = { body?: "json" | "binary"; maxBytes?: number; answerCommitted?: (r: AuthedRequest, made: CommittedResult) => Promise<unknown> };

export function publicRoute(handler: (r: ApiRequest) => Promise<unknown>, opts: RouteOptions = {}) {
  return wrap(false, handler as (r: ApiRequest | AuthedRequest) => Promise<unknown>, opts);
}

export function apiRoute(handler: (r: AuthedRequest) => Promise<unknown>, opts: RouteOptions = {}) {
  return wrap(true, handler as (r: ApiRequest | AuthedRequest) => Promise<unknown>, opts);
}

function wrap(requireActor: boolean, handler: (r: ApiRequest | AuthedRequest) => Promise<unknown>, opts: RouteOptions) {
  const binary = opts.body === "binary";
  return async (req: Request, context: RouteContext): Promise<Response> => {
    const started = performance.now();
    const requestId = validRequestId(req.headers.get("x-request-id")) ?? randomUUID();
    const url = new URL(req.url);
    const ip = clientIp(req);
    let actor: Actor | null = null;
    let response: Response;
    try {
      const bytes = await readBody(req, opts.maxBytes ?? MAX_BODY_BYTES);
      const contentType = req.headers.get("content-type");
      if (bytes && !binary && !/^application\/(.+\+)?json\b/i.test(contentType ?? "")) {
        throw new AppError("unsupported_media_type", "Send the body as JSON with Content-Type: application/json");
      }
      const rawBody = bytes && !binary ? bytes.toString("utf8") : undefined;
      const params = (await context?.params) ?? {};
      const body = rawBody === undefined ? undefined : parseJson(rawBody);
      // NUL and other control characters are refused here (422 naming the field), before any handler or query.
      assertCleanRequest({ body, query: url.searchParams, params });
      const base: ApiRequest = { req, url, params, body, bytes: binary ? bytes : undefined, contentType, requestId, ip };
      let request: ApiRequest | AuthedRequest = base;
      if (requireActor) {
        actor = await resolveActor(req);
        if (!actor) throw new AppError("unauthenticated", "Sign in or send an access token: Authorization: Bearer <token>");
        request = { ...base, actor, ctx: makeCtx(actor, { requestId, ip }) };
      }
      const key = req.headers.get("idempotency-key");
      if (req.method === "POST" && key !== null && actor && actor.kind !== "system") {
        const scope = `${actor.kind}:${actor.userId}:${"companyId" in actor ? actor.companyId : actor.retailerId}`;
        const begun = await beginIdempotent(prisma, { scope, key, method: req.method, path: url.pathname, body: rawBody ?? bytes?.toString("base64") ?? "" });
        if ("replay" in begun) {
          // A replayed refusal is the same problem+json as the first answer.
          const problem: Record<string, string> = begun.replay.statusCode >= 400 ? { "content-type": "application/problem+json" } : {};
          response = json(begun.replay.statusCode, begun.replay.body, { ...problem, "idempotent-replayed": "true" });
        } else {
          const authed: AuthedRequest = { ...(request as AuthedRequest), ctx: { ...(request as AuthedRequest).ctx, idempotencyKeyId: begun.id } };
          const made = begun.committed;
          if (made && !opts.answerCommitted) throw new Error(`${url.pathname} recorded ${made.type} on its Idempotency-Key but has no answerCommitted`);
          const reply = await settle(made ? (r) => opts.answerCommitted!(r as AuthedRequest, made) : handler, authed, requestId, url.pathname);
          await finishIdempotent(prisma, begun.id, { statusCode: reply.status, body: reply.body });
          // A takeover answered from what the dead request committed says so, as a replay does.
          response = json(reply.status, reply.body, made ? { ...reply.headers, "idempotent-replayed": "committed" } : reply.headers);
        }
      } else {
        const reply = await settle(handler, request, requestId, url.pathname);
        response = json(reply.status, reply.body, reply.headers);
      }
    } catch (err) {
      response = errorResponse(err, requestId, url.pathname);
    }
    response.headers.set("x-request-id", requestId);
    logRequest({ requestId, method: req.method, path: url.pathname, status: response.status, ms: Math.round(performance.now() - started), userId: actor?.userId ?? null, companyId: actor && "companyId" in actor ? (actor.companyId ?? null) : null, ip: ip ?? null });
    return response;
  };
}

/** Runs the handler and turns a thrown AppError into a stored-able reply (so 4xx replays too). */
async function settle(handler: (r: ApiRequest | AuthedRequest) => Promise<unknown>, request: ApiRequest | AuthedRequest, requestId: string, path: string): Promise<Reply> {
  try {
    const result = await handler(request);
    return result instanceof Reply ? result : new Reply(200, result);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    const p = problemFromError(err, requestId, path);
    return new Reply(p.status, p, { "content-type": "application/problem+json", ...retryAfter(err) });
  }
}

function errorResponse(err: unknown, requestId: string, path: string) {
  err = unstorableTextError(err) ?? databaseBusyError(err) ?? err;
  if (!(err instanceof AppError)) console.error(JSON.stringify({ level: "error", msg: "unhandled", requestId, error: String((err as Error)?.stack ?? err) }));
  const p = problemFromError(err, requestId, path);
  return problemResponse(p, err instanceof AppError ? retryAfter(err) : undefined);
}

/** A 429 always says when to come back, whichever path the error took. */
function retryAfter(err: AppError): Record<string, string> {
  const seconds = err.details?.retryAfterSeconds;
  if (typeof seconds === "number") return { "retry-after": String(Math.max(1, Math.ceil(seconds))) };
  return err.code === "rate_limited" ? { "retry-after": "60" } : {};
}

function json(status: number, body: unknown, headers: Record<string, string> = {}) {
  if (body instanceof Response) return body;
  if (status === 204) return new Response(null, { status, headers });
  return jsonResponse(status, body, headers);
}

async function resolveActor(req: Request): Promise<Actor | null> {
  const authz = req.headers.get("authorization");
  if (authz) {
    const m = /^Bearer\s+(\S+)$/i.exec(authz);
    if (!m) throw new AppError("unauthenticated", "Authorization header must be: Bearer <access token>");
    return actorFromAccessToken(prisma, m[1]);
  }
  const actor = await actorFromSession();
  if (actor) assertCookieWriteAllowed(req);
  return actor;
}

async function readBody(req: Request, max: number): Promise<Buffer | undefined> {
  if (req.method === "GET" || req.method === "HEAD") return undefined;
  const tooLarge = () => new AppError("payload_too_large", `The request body is over ${max / 1024 / 1024} MB`);
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > max) throw tooLarge();
  if (!req.body) return undefined;
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  if (size === 0) return undefined;
  return Buffer.concat(chunks);
}

function parseJson(raw: string): unknown {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch (err) {
    throw new AppError("malformed_json", `The request body is not valid JSON: ${(err as Error).message}`);
  }
  // Handlers read a missing body as {}; a literal null must not slip through the same way.
  if (body === null) throw new AppError("validation", "The request body is null; send a JSON object", { fieldErrors: { _: ["Send a JSON object, not null"] } });
  return body;
}

function validRequestId(v: string | null) {
  return v && /^[A-Za-z0-9._:-]{8,128}$/.test(v) ? v : null;
}

/** The client's address: the TCP peer, or X-Forwarded-For only through a trusted proxy (lib/http/client-address.ts). */
export function clientIp(req: Request): string | undefined {
  return clientAddress(req.headers);
}

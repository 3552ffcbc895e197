// RFC 9457 problem details with a stable machine-readable `code`.
import { AppError, errorStatus, type ErrorCode, type FieldErrors } from "@/lib/errors";

const titles: Partial<Record<number, string>> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  409: "Conflict",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  422: "Unprocessable Content",
  429: "Too Many Requests",
  500: "Internal Server Error",
  502: "Bad Gateway",
};

export type Problem = {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  instance?: string;
  requestId?: string;
  errors?: FieldErrors;
  [k: string]: unknown;
};

export function problemBody(code: ErrorCode | string, detail: string, opts: { status?: number; requestId?: string; instance?: string; errors?: FieldErrors; extra?: Record<string, unknown> } = {}): Problem {
  const status = opts.status ?? errorStatus[code as ErrorCode] ?? 500;
  return {
    type: `https://vendor-erp.dev/problems/${code.replace(/_/g, "-")}`,
    title: titles[status] ?? "Error",
    status,
    code,
    detail,
    ...(opts.instance ? { instance: opts.instance } : {}),
    ...(opts.requestId ? { requestId: opts.requestId } : {}),
    ...(opts.errors ? { errors: opts.errors } : {}),
    ...opts.extra,
  };
}

export function problemResponse(p: Problem, headers: Record<string, string> = {}) {
  return jsonResponse(p.status, p, { "content-type": "application/problem+json", ...headers });
}

/**
 * JSON answers below this size are sent as they are. The server gzips every other answer; for a few KB
 * (an order, a cart, a problem) that costs about 1 ms of CPU per request (a new zlib stream each time;
 * measured with bench/orders.ts) to save a round trip's worth of bytes. `no-transform` is what tells
 * Next.js's compression (and any proxy that honours it) to leave them be.
 */
export const COMPRESS_FROM_BYTES = 16 * 1024;

/** A JSON answer of the API: its length, and no cache but the caller's (it is the caller's own data). */
export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  const text = JSON.stringify(body);
  const size = Buffer.byteLength(text);
  const cache = size < COMPRESS_FROM_BYTES ? "private, no-store, no-transform" : "private, no-store";
  return new Response(text, { status, headers: { "content-type": "application/json", "content-length": String(size), "cache-control": cache, ...headers } });
}

export function problemFromError(err: unknown, requestId: string, instance?: string): Problem {
  if (err instanceof AppError) {
    return problemBody(err.code, err.message, { status: err.status, requestId, instance, errors: err.fieldErrors, extra: err.details });
  }
  return problemBody("internal", "Something went wrong on our side. Quote the request id if you contact support.", { status: 500, requestId, instance });
}

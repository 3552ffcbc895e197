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
  return new Response(JSON.stringify(p), { status: p.status, headers: { "content-type": "application/problem+json", ...headers } });
}

export function problemFromError(err: unknown, requestId: string, instance?: string): Problem {
  if (err instanceof AppError) {
    return problemBody(err.code, err.message, { status: err.status, requestId, instance, errors: err.fieldErrors, extra: err.details });
  }
  return problemBody("internal", "Something went wrong on our side. Quote the request id if you contact support.", { status: 500, requestId, instance });
}

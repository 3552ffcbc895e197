// Typed errors thrown by domain code. Only the doors (route wrapper, action wrapper) translate
// them into HTTP problem+json or form errors.

export const errorStatus = {
  validation: 400,
  bad_request: 400,
  malformed_json: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  /** Too many failed sign-ins for the account: only a password reset (emailed code) lets it in. */
  reset_required: 403,
  not_found: 404,
  conflict: 409,
  invalid_transition: 409,
  insufficient_stock: 409,
  credit_limit_exceeded: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  idempotency_mismatch: 422,
  rate_limited: 429,
  internal: 500,
  /** A payment gateway (or another partner API) refused or did not answer. */
  gateway_unavailable: 502,
  /** Every database connection stayed busy for longer than a request may wait; retry shortly. */
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

/** Field path → messages, as zod's flatten gives them; shown next to the field in forms. */
export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fieldErrors?: FieldErrors;
  readonly details?: Record<string, unknown>;
  /** Overrides the code's usual status, e.g. 422 for input holding characters no field may store. */
  readonly statusOverride?: number;

  constructor(code: ErrorCode, message: string, opts: { fieldErrors?: FieldErrors; details?: Record<string, unknown>; status?: number } = {}) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.fieldErrors = opts.fieldErrors;
    this.details = opts.details;
    this.statusOverride = opts.status;
  }

  get status(): number {
    return this.statusOverride ?? errorStatus[this.code];
  }
}

export const notFound = (what: string) => new AppError("not_found", `${what} not found`);
export const forbidden = (message = "You do not have permission to do this") => new AppError("forbidden", message);
export const conflict = (message: string, fieldErrors?: FieldErrors) => new AppError("conflict", message, { fieldErrors });

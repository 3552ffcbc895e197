// The one place that reads the environment. Parsed once, with a clear message for a bad value.
import { isIP } from "node:net";
import { z } from "zod";

const RETENTION_MESSAGE = "BACKUP_RETENTION_DAYS must be a whole number of days, 0 or more (0 keeps every backup)";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().url().optional(),
  /**
   * The primary itself, bypassing a pooler in DATABASE_URL: for what needs one session (the
   * migration runner's advisory lock, backups' session settings, pg-boss). Defaults to DATABASE_URL.
   */
  DATABASE_DIRECT_URL: z.string().url().optional(),
  /** A streaming read replica of the primary; reports and exports read from it (lib/db/client.ts readDb). */
  DATABASE_REPLICA_URL: z.string().url().optional(),
  /** The replica is not read while it is further behind than this (seconds). */
  REPLICA_MAX_LAG_SECONDS: z.coerce.number().min(0, "REPLICA_MAX_LAG_SECONDS must be 0 or more seconds").default(30),
  /** A request holding an Idempotency-Key longer than this is taken to have died with its instance. */
  IDEMPOTENCY_LEASE_SECONDS: z.coerce.number().int().min(1, "IDEMPOTENCY_LEASE_SECONDS must be at least 1").default(60),
  /** How often pg-boss looks for jobs whose worker stopped sending heartbeats (a killed worker). */
  JOBS_SUPERVISE_SECONDS: z.coerce.number().int().min(1, "JOBS_SUPERVISE_SECONDS must be at least 1").max(600).default(60),
  /** "pgbouncer": DATABASE_URL goes through PgBouncer (no startup options are sent). */
  DATABASE_POOLER: z.enum(["none", "pgbouncer"], { error: 'DATABASE_POOLER must be "none" or "pgbouncer"' }).default("none"),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
  APP_URL: z.string().url().optional(),
  PORT: z.coerce.number().int().positive().default(3000),
  RESEND_API_KEY: z.string().min(1).optional(),
  EMAIL_FROM: z.string().default("Vendor ERP <no-reply@vendor-erp.local>"),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().positive().default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().positive().default(30),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  /** "off": this app instance runs no background jobs (they run in `npm run worker` processes instead). */
  JOBS_WORKER: z.enum(["on", "off"], { error: 'JOBS_WORKER must be "on" or "off"' }).default("on"),
  /** Jobs of one queue a process runs at once. */
  JOBS_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  /**
   * Strict-Transport-Security max-age in seconds; 0 (default) sends none. Set it (e.g. 31536000) when
   * the app is reached only over https; browsers ignore the header on plain http.
   */
  HSTS_MAX_AGE: z.coerce.number().int().min(0, "HSTS_MAX_AGE must be 0 or a number of seconds").max(63072000).default(0),
  /** Encrypts stored IRP credentials (lib/billing/secrets.ts); without it a key is derived from AUTH_SECRET. */
  BILLING_SECRETS_KEY: z.string().min(32, "BILLING_SECRETS_KEY must be at least 32 characters").optional(),
  /** "on" only for `npm run demo` and the end-to-end tests: opens the local mail outbox (behind OUTBOX_KEY) and shows a red banner. */
  DEMO_MODE: z.enum(["on", "off"], { error: 'DEMO_MODE must be "on" or "off"' }).default("off"),
  /** The key that opens the local mail outbox in demo mode (the demo generates one into .data/outbox-key). */
  OUTBOX_KEY: z.string().min(16, "OUTBOX_KEY must be at least 16 characters").optional(),
  /** Where the daily backup job and `npm run db:backup` write backups (relative to the working directory). */
  BACKUP_DIR: z.string().min(1, "BACKUP_DIR must name a directory").default(".data/backups"),
  /** Backups in BACKUP_DIR older than this many days are deleted after each successful backup; 0 keeps them all. */
  BACKUP_RETENTION_DAYS: z.preprocess(
    // Empty (KEY= in an env file) means unset, not 0: an empty value must not switch deletion off.
    (v) => (v === "" ? undefined : v),
    z.coerce
      .number({ error: RETENTION_MESSAGE })
      .int(RETENTION_MESSAGE)
      .min(0, RETENTION_MESSAGE)
      .max(3650, "BACKUP_RETENTION_DAYS can be at most 3650 (ten years)")
      .default(14),
  ),
  /**
   * Map tiles for the delivery maps: a URL template with {z}, {x}, {y} (and optionally {s}), or "off" to
   * draw maps on a plain background (no outside requests). OpenStreetMap's own server by default; its
   * usage policy asks heavy users to run or rent their own.
   */
  MAP_TILE_URL: z
    .string()
    .default("https://tile.openstreetmap.org/{z}/{x}/{y}.png")
    .refine((v) => v === "off" || (/^https?:\/\/[^/]+\//.test(v) && ["{z}", "{x}", "{y}"].every((p) => v.includes(p))), {
      error: 'MAP_TILE_URL must be a URL template with {z}, {x} and {y} (e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png), or "off"',
    }),
  MAP_TILE_ATTRIBUTION: z.string().default("© OpenStreetMap contributors"),
  /**
   * Where rendered documents (invoice and note PDFs) are stored: "local" (files under
   * DOCUMENT_STORAGE_DIR; several instances on one machine, or on a shared volume, share them) or "s3"
   * (any S3-compatible store: S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY).
   */
  DOCUMENT_STORAGE: z.enum(["local", "s3"], { error: 'DOCUMENT_STORAGE must be "local" or "s3"' }).default("local"),
  /**
   * Worker threads that draw PDFs (lib/pdf/render-pool.ts), so a render never holds up the requests of
   * its process. Default: 1 when the machine has more than one core, else 0 (rendered in the process).
   */
  PDF_RENDER_THREADS: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.coerce.number().int("PDF_RENDER_THREADS must be a whole number").min(0, "PDF_RENDER_THREADS must be 0 or more").max(16, "PDF_RENDER_THREADS can be at most 16").optional(),
  ),
  DOCUMENT_STORAGE_DIR: z.string().min(1, "DOCUMENT_STORAGE_DIR must name a directory").default(".data/documents"),
  S3_ENDPOINT: z.string().url("S3_ENDPOINT must be a URL, e.g. https://s3.ap-south-1.amazonaws.com").optional(),
  S3_REGION: z.string().min(1).default("us-east-1"),
  S3_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "S3_BUCKET must be a bucket name (3–63 lower-case letters, digits, dots, hyphens)").optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** "on": endpoint/bucket/key URLs (MinIO and most self-hosted stores); "off": bucket.endpoint/key (AWS). */
  S3_PATH_STYLE: z.enum(["on", "off"], { error: 'S3_PATH_STYLE must be "on" or "off"' }).default("on"),
  S3_PREFIX: z.string().regex(/^([A-Za-z0-9_-]+\/)*$/, 'S3_PREFIX must be empty or path segments ending in "/", e.g. erp/').default(""),
  /**
   * Proxies (addresses or CIDR ranges, IPv4/IPv6, comma-separated) whose X-Forwarded-For is believed.
   * Empty: the client address is the TCP peer and X-Forwarded-For is ignored.
   */
  TRUSTED_PROXIES: z
    .string()
    .default("")
    .refine((v) => v.split(",").map((s) => s.trim()).filter(Boolean).every(isAddressOrCidr), {
      error: "TRUSTED_PROXIES must be IP addresses or CIDR ranges separated by commas, e.g. 10.0.0.0/8,fd00::/8",
    }),
}).superRefine((e, issue) => {
  if (e.DOCUMENT_STORAGE === "s3") {
    for (const k of ["S3_ENDPOINT", "S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const) {
      if (!e[k]) issue.addIssue({ code: "custom", path: [k], message: `DOCUMENT_STORAGE=s3 needs ${k}` });
    }
  }
  if (e.DEMO_MODE !== "on") return;
  if (!e.OUTBOX_KEY) issue.addIssue({ code: "custom", path: ["OUTBOX_KEY"], message: "DEMO_MODE=on needs OUTBOX_KEY (npm run demo sets both)" });
  if (e.DATABASE_URL && !isLocalDatabase(e.DATABASE_URL)) {
    issue.addIssue({ code: "custom", path: ["DEMO_MODE"], message: "DEMO_MODE=on refuses a database on another host: demo mode exposes mail in a local outbox and is never for real books" });
  }
});

/** A database on this machine (the embedded one, or a server on localhost). */
export function isLocalDatabase(url: string): boolean {
  try {
    const host = new URL(url).hostname.replace(/^\[|\]$/g, "");
    return host === "localhost" || host === "::1" || /^127\./.test(host) || host === "";
  } catch {
    return false;
  }
}

export type Env = z.infer<typeof schema>;
let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Parses an environment; throws one message naming every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment configuration:\n${lines}`);
  }
  return parsed.data;
}

export function authSecret(): Uint8Array {
  const secret = env().AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set. `npm run demo` / `npm start` generate one under .data/; set it yourself in production.");
  return new TextEncoder().encode(secret);
}

/** Demo mode: the outbox can be opened (with OUTBOX_KEY) and every page carries a red banner. */
export function demoMode(): boolean {
  return env().DEMO_MODE === "on";
}

/**
 * The local payment sandbox marks invoices paid without money moving: never in a production
 * deployment, only in the demo (DEMO_MODE=on), development and tests.
 */
export function paymentSandboxAllowed(): boolean {
  return demoMode() || env().NODE_ENV !== "production";
}

/** The tile URL template the maps use, or null when tiles are off. */
export function mapTileUrl(): string | null {
  const v = env().MAP_TILE_URL;
  return v === "off" ? null : v;
}

/** The primary without a pooler in between (DATABASE_DIRECT_URL, else DATABASE_URL). */
export function directDatabaseUrl(): string | undefined {
  return env().DATABASE_DIRECT_URL ?? env().DATABASE_URL;
}

export function appUrl(): string {
  return env().APP_URL ?? `http://localhost:${env().PORT}`;
}

function isAddressOrCidr(entry: string) {
  const [addr, bits, extra] = entry.split("/");
  const kind = isIP(addr);
  if (!kind || extra !== undefined) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (kind === 4 ? 32 : 128));
}

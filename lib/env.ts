// The one place that reads the environment. Parsed once, with a clear message for a bad value.
import { isIP } from "node:net";
import { z } from "zod";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().url().optional(),
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
  /** Encrypts stored IRP credentials (lib/billing/secrets.ts); without it a key is derived from AUTH_SECRET. */
  BILLING_SECRETS_KEY: z.string().min(32, "BILLING_SECRETS_KEY must be at least 32 characters").optional(),
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
});

export type Env = z.infer<typeof schema>;
let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment configuration:\n${lines}`);
  }
  cached = parsed.data;
  return cached;
}

export function authSecret(): Uint8Array {
  const secret = env().AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set. `npm run demo` / `npm start` generate one under .data/; set it yourself in production.");
  return new TextEncoder().encode(secret);
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

import "server-only";
// Stored credentials (IRP password and client secret) are encrypted at rest with AES-256-GCM.
// The key comes from BILLING_SECRETS_KEY, or is derived from AUTH_SECRET (HKDF) when that is not
// set, so a stolen database dump alone does not reveal them. Nothing decrypted ever leaves through
// an API or a page: only the IRP driver reads them.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { authSecret, env } from "@/lib/env";

const VERSION = "v1";

// The derived key, kept per process for the material it came from (HKDF on every decrypt showed in the
// webhook door's profile); a changed BILLING_SECRETS_KEY / AUTH_SECRET derives it again.
let derived: { material: string; key: Buffer } | undefined;

function key(): Buffer {
  const own = env().BILLING_SECRETS_KEY;
  const material = own ? `own:${own}` : `auth:${Buffer.from(authSecret()).toString("base64")}`;
  if (derived?.material !== material) {
    const bytes = own ? Buffer.from(own, "utf8") : Buffer.from(authSecret());
    derived = { material, key: Buffer.from(hkdfSync("sha256", bytes, "vendor-erp", "billing-secrets", 32)) };
  }
  return derived.key;
}

export function encryptSecret(plain: string): string {
  const iv = randomBytes(12);
  const c = createCipheriv("aes-256-gcm", key(), iv);
  const ct = Buffer.concat([c.update(plain, "utf8"), c.final()]);
  return `${VERSION}:${Buffer.concat([iv, c.getAuthTag(), ct]).toString("base64")}`;
}

/** Throws when the value was not made by encryptSecret with the current key (tampered, or the key changed). */
export function decryptSecret(stored: string): string {
  const [version, body] = stored.split(":", 2);
  if (version !== VERSION || !body) throw new Error("Stored secret has an unknown format");
  const raw = Buffer.from(body, "base64");
  const d = createDecipheriv("aes-256-gcm", key(), raw.subarray(0, 12));
  d.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString("utf8");
}

// Invitation links carry `<id>.<random>.<hmac>`: the HMAC rejects tampered links without a database
// read; the database keeps only a sha256 of the whole token, so a leaked table grants nothing.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { sha256 } from "@/lib/auth/tokens";
import { authSecret } from "@/lib/env";

const mac = (body: string) => createHmac("sha256", authSecret()).update(`invitation:${body}`).digest("base64url");

export function newInvitationToken(invitationId: string) {
  const body = `${invitationId}.${randomBytes(24).toString("base64url")}`;
  const token = `${body}.${mac(body)}`;
  return { token, tokenHash: sha256(token) };
}

/** The token's hash when its signature is valid, else null. */
export function verifiedTokenHash(token: string): string | null {
  const parts = String(token ?? "").split(".");
  if (parts.length !== 3) return null;
  const body = `${parts[0]}.${parts[1]}`;
  const expected = Buffer.from(mac(body));
  const given = Buffer.from(parts[2]);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return sha256(token);
}

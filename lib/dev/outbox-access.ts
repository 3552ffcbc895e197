import "server-only";
// Who may read the local mail outbox. It holds password-reset codes and invitation links, so it is
// a mailbox, not a debug page: closed (404) unless DEMO_MODE=on and no mail provider is set, and even
// then only for a browser that presented OUTBOX_KEY (printed by `npm run demo` in its terminal).
import { createHmac, timingSafeEqual } from "node:crypto";
import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { demoMode, env } from "@/lib/env";

export const OUTBOX_COOKIE = "erp_outbox";
export const OUTBOX_COOKIE_MAX_AGE = 12 * 3600;

export function outboxEnabled(): boolean {
  return demoMode() && !env().RESEND_API_KEY && !!env().OUTBOX_KEY;
}

/** The cookie value proving the key was presented (an HMAC, so the cookie is not the key itself). */
export function outboxPass(): string {
  return createHmac("sha256", env().OUTBOX_KEY ?? "").update("outbox-pass").digest("hex");
}

export function isOutboxKey(presented: string): boolean {
  const key = env().OUTBOX_KEY;
  if (!key) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(key);
  return a.length === b.length && timingSafeEqual(a, b);
}

function hasPass(value: string | undefined): boolean {
  if (!value) return false;
  const a = Buffer.from(value);
  const b = Buffer.from(outboxPass());
  return a.length === b.length && timingSafeEqual(a, b);
}

/** For the outbox pages: 404 when off, to the unlock page without the key's cookie. */
export async function requireOutboxAccess(): Promise<void> {
  if (!outboxEnabled()) notFound();
  const jar = await cookies();
  if (!hasPass(jar.get(OUTBOX_COOKIE)?.value)) redirect("/dev/outbox/unlock");
}

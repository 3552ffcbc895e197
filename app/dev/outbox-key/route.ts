// GET /dev/outbox-key?key=… (the link `npm run demo` prints) and POST (the unlock form): a right
// OUTBOX_KEY sets the outbox cookie and opens the outbox; anything else is refused.
import { notFound } from "next/navigation";
import { isOutboxKey, OUTBOX_COOKIE, OUTBOX_COOKIE_MAX_AGE, outboxEnabled, outboxPass } from "@/lib/dev/outbox-access";

export async function GET(req: Request) {
  return unlock(req, new URL(req.url).searchParams.get("key") ?? "");
}

export async function POST(req: Request) {
  const form = await req.formData().catch(() => null);
  const key = form?.get("key");
  return unlock(req, typeof key === "string" ? key : "");
}

function unlock(req: Request, key: string) {
  if (!outboxEnabled()) notFound();
  if (!isOutboxKey(key.trim())) {
    return new Response(null, { status: 303, headers: { location: "/dev/outbox/unlock?wrong=1", "cache-control": "no-store" } });
  }
  const secure = new URL(req.url).protocol === "https:" ? "; Secure" : "";
  return new Response(null, {
    status: 303,
    headers: {
      location: "/dev/outbox",
      "cache-control": "no-store",
      "set-cookie": `${OUTBOX_COOKIE}=${outboxPass()}; Path=/dev; HttpOnly; SameSite=Strict; Max-Age=${OUTBOX_COOKIE_MAX_AGE}${secure}`,
    },
  });
}

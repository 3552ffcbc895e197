// POST /api/webhooks/shiprocket/{accountId} — Shiprocket tracking updates. No cookie, no bearer token: the
// account's webhook token in the x-api-key header is the auth, checked before the body is read.
import { receiveShiprocketWebhook } from "@/lib/logistics/shipping/tracking";

export async function POST(request: Request, { params }: { params: Promise<{ accountId: string }> }) {
  const rawBody = await request.text();
  const { accountId } = await params;
  return receiveShiprocketWebhook({ publicId: accountId, rawBody, headers: request.headers });
}

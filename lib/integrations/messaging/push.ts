// Push notifications through a provider interface. The default driver only logs (no push service
// or device tokens yet); a real one (FCM, APNs, ...) implements PushProvider.
import { log } from "@/lib/log";
import { sendLoggedMessage, type OutgoingMessage, type ProviderResult } from "./message-log";

export interface PushProvider {
  readonly name: string;
  /** `userId` is the person; the provider finds their devices. */
  send(msg: { userId: string; title: string; body: string; link?: string | null }): Promise<ProviderResult>;
}

export const logOnlyPush: PushProvider = {
  name: "log",
  async send(msg) {
    log("info", "push (log-only driver)", { userId: msg.userId, title: msg.title, body: msg.body, link: msg.link ?? null });
    return { status: "logged" };
  },
};

let current: PushProvider = logOnlyPush;

export function pushProvider(): PushProvider {
  return current;
}

/** Swaps the provider (a real service at start-up, a failing one in a test). */
export function setPushProvider(provider: PushProvider) {
  current = provider;
}

/** Sends one push at most once per dedupe key, to a user (`to` is the user id). */
export async function sendPush(msg: OutgoingMessage & { userId: string; title: string; link?: string | null }) {
  const provider = pushProvider();
  return sendLoggedMessage("PUSH", provider.name, { ...msg, to: msg.userId }, () => provider.send({ userId: msg.userId, title: msg.title, body: msg.body, link: msg.link }));
}

// SMS through a provider interface. The default driver only logs (no SMS service is configured);
// a real one (MSG91, Twilio, ...) implements SmsProvider and is returned by smsProvider().
import { log } from "@/lib/log";
import { sendLoggedMessage, type OutgoingMessage, type ProviderResult } from "./message-log";

export interface SmsProvider {
  readonly name: string;
  send(msg: { to: string; body: string }): Promise<ProviderResult>;
}

export const logOnlySms: SmsProvider = {
  name: "log",
  async send(msg) {
    log("info", "sms (log-only driver)", { to: msg.to, body: msg.body });
    return { status: "logged" };
  },
};

let current: SmsProvider = logOnlySms;

export function smsProvider(): SmsProvider {
  return current;
}

/** Swaps the provider (a real service at start-up, a failing one in a test). */
export function setSmsProvider(provider: SmsProvider) {
  current = provider;
}

/** Sends one SMS at most once per dedupe key; the MessageLog row records the outcome. */
export async function sendSms(msg: OutgoingMessage) {
  const provider = smsProvider();
  return sendLoggedMessage("SMS", provider.name, msg, () => provider.send({ to: msg.to, body: msg.body }));
}

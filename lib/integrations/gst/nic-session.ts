// What NIC's two APIs (the IRP for e-invoices, the e-way bill system) share: a login whose JSON is
// base64-encoded and RSA-encrypted (PKCS#1 v1.5) with NIC's public key under a fresh 32-byte app key, a session
// key (Sek) that comes back AES-256-ECB-encrypted with that app key, payloads AES-encrypted with the Sek, and a
// token cached per company until shortly before it expires, logged in again once when NIC calls it invalid.
import { constants, createCipheriv, createDecipheriv, publicEncrypt, randomBytes } from "node:crypto";

export type NicSession = { token: string; sek: Buffer; expiresAt: number };

/** AES-256-ECB with PKCS#7 padding, as NIC uses for the Sek and the payloads. */
export function aesEcb(mode: "encrypt" | "decrypt", data: Buffer, key: Buffer): Buffer {
  const c = mode === "encrypt" ? createCipheriv("aes-256-ecb", key, null) : createDecipheriv("aes-256-ecb", key, null);
  return Buffer.concat([c.update(data), c.final()]);
}

/** A fresh app key and the login `Data` field: base64(RSA(base64(JSON with the app key))). */
export function sealedLogin(publicKeyPem: string, credentials: (appKeyBase64: string) => Record<string, unknown>): { appKey: Buffer; Data: string } {
  const appKey = randomBytes(32);
  const plain = Buffer.from(JSON.stringify(credentials(appKey.toString("base64")))).toString("base64");
  return { appKey, Data: publicEncrypt({ key: publicKeyPem, padding: constants.RSA_PKCS1_PADDING }, Buffer.from(plain)).toString("base64") };
}

/**
 * Sessions of one NIC system, cached per company and credentials in this process (a new instance logs in on its
 * first call). `call` runs `work` with a live session and, when it throws an error `isInvalidToken` recognises,
 * forgets the session, logs in again and runs it once more.
 */
export function nicSessions(renewMarginMs: number) {
  const sessions = new Map<string, NicSession>();
  return {
    async call<T>(key: string, now: () => Date, login: () => Promise<NicSession>, work: (s: NicSession) => Promise<T>, isInvalidToken: (e: unknown) => boolean): Promise<T> {
      const live = async () => {
        const s = sessions.get(key);
        if (s && s.expiresAt - renewMarginMs > now().getTime()) return s;
        const fresh = await login();
        sessions.set(key, fresh);
        return fresh;
      };
      try {
        return await work(await live());
      } catch (e) {
        if (!isInvalidToken(e)) throw e;
        sessions.delete(key);
        return work(await live());
      }
    },
    /** Forgets the cached sessions of one company, or all (credentials changed, or tests). */
    clear(companyId?: string) {
      for (const k of [...sessions.keys()]) if (!companyId || k.startsWith(`${companyId}|`)) sessions.delete(k);
    },
  };
}

/** The cache key of a session: one per company, server and credentials. */
export const nicSessionKey = (cfg: { companyId: string; username: string; gstin: string }, base: string) => `${cfg.companyId}|${base}|${cfg.username}|${cfg.gstin}`;

/**
 * One HTTP exchange with a NIC server, JSON both ways, with a timeout. A network failure, a 5xx or a 429 is
 * `retryable(message)`; the answer is the status and the parsed body (null when it is not JSON).
 */
export async function nicExchange(
  doFetch: typeof fetch,
  url: string,
  method: "GET" | "POST",
  body: unknown,
  headers: Record<string, string>,
  timeoutMs: number,
  systemName: string,
  retryable: (code: string, message: string) => Error,
): Promise<{ status: number; json: unknown }> {
  let res: Response;
  try {
    res = await doFetch(url, {
      method,
      headers: { ...headers, accept: "application/json", ...(body !== undefined ? { "content-type": "application/json" } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (e) {
    throw retryable("network", `${systemName} could not be reached: ${(e as Error).message}`);
  }
  const text = await res.text();
  if (res.status >= 500 || res.status === 429) throw retryable(`http_${res.status}`, `${systemName} answered ${res.status}; trying again later`);
  try {
    return { status: res.status, json: JSON.parse(text) };
  } catch {
    return { status: res.status, json: null };
  }
}

// The real IRP driver, per NIC's public e-invoice API (einv-apisandbox.nic.in):
// - auth (POST /eivital/v1.04/auth): a random 32-byte AppKey; the login JSON {UserName, Password,
//   AppKey, ForceRefreshAccessToken} is base64-encoded and RSA-encrypted (PKCS#1 v1.5) with NIC's
//   public key; the answer's Sek (session key) is AES-256-ECB-encrypted with the AppKey.
// - every later call carries client_id, client_secret, Gstin, user_name and AuthToken headers and
//   sends/receives { Data: base64(AES-256-ECB(json, Sek)) }.
// Tokens (with their Sek) are cached per company until shortly before they expire.
import { createCipheriv, createDecipheriv, constants, publicEncrypt, randomBytes } from "node:crypto";
import { IRP_DUPLICATE_IRN, IrpError, parseIrpDateTime, type IrpCancelled, type IrpClient, type IrpGenerated } from "./irp-client";
import type { IrpInvoice } from "./irp-types";

export type NicConfig = {
  /** Cache key for the session: one token per company (and credentials). */
  companyId: string;
  baseUrl: string;
  gstin: string;
  username: string;
  password: string;
  clientId: string;
  clientSecret: string;
  publicKeyPem: string;
  fetch?: typeof fetch;
  now?: () => Date;
  timeoutMs?: number;
};

type Session = { token: string; sek: Buffer; expiresAt: number };
const sessions = new Map<string, Session>();
/** Renew this long before NIC's stated expiry, so a call never goes out with a dying token. */
const RENEW_MARGIN_MS = 5 * 60_000;
/** NIC: "Invalid Token" / token expired — log in again once and repeat the call. */
const TOKEN_ERRORS = new Set(["1005", "1004"]);

type NicEnvelope = { Status: number | string; Data?: unknown; ErrorDetails?: { ErrorCode: string; ErrorMessage: string }[] | null; InfoDtls?: { InfCd: string; Desc: unknown }[] | null };

export function createNicClient(cfg: NicConfig): IrpClient {
  const doFetch = cfg.fetch ?? fetch;
  const now = cfg.now ?? (() => new Date());
  const base = cfg.baseUrl.replace(/\/+$/, "");
  const cacheKey = `${cfg.companyId}|${base}|${cfg.username}|${cfg.gstin}`;

  async function login(): Promise<Session> {
    const appKey = randomBytes(32);
    const login = Buffer.from(JSON.stringify({ UserName: cfg.username, Password: cfg.password, AppKey: appKey.toString("base64"), ForceRefreshAccessToken: false })).toString("base64");
    const Data = publicEncrypt({ key: cfg.publicKeyPem, padding: constants.RSA_PKCS1_PADDING }, Buffer.from(login)).toString("base64");
    const env = await send("POST", "/eivital/v1.04/auth", { Data }, { client_id: cfg.clientId, client_secret: cfg.clientSecret, Gstin: cfg.gstin });
    const d = env.Data as { AuthToken?: string; Sek?: string; TokenExpiry?: string } | undefined;
    if (!d?.AuthToken || !d.Sek) throw new IrpError("auth", "The IRP login answer had no token", { retryable: true });
    const sek = aesEcb("decrypt", Buffer.from(d.Sek, "base64"), appKey);
    const expiresAt = d.TokenExpiry ? parseIrpDateTime(d.TokenExpiry).getTime() : now().getTime() + 6 * 3600_000;
    const s = { token: d.AuthToken, sek, expiresAt };
    sessions.set(cacheKey, s);
    return s;
  }

  async function session(): Promise<Session> {
    const s = sessions.get(cacheKey);
    if (s && s.expiresAt - RENEW_MARGIN_MS > now().getTime()) return s;
    return login();
  }

  /** One authenticated call: the body is encrypted with the Sek and the answer's Data decrypted with it. */
  async function call<T>(method: "GET" | "POST", path: string, body?: unknown, retried = false): Promise<T> {
    const s = await session();
    const headers = { client_id: cfg.clientId, client_secret: cfg.clientSecret, Gstin: cfg.gstin, user_name: cfg.username, AuthToken: s.token };
    const payload = body === undefined ? undefined : { Data: aesEcb("encrypt", Buffer.from(JSON.stringify(body)), s.sek).toString("base64") };
    try {
      const env = await send(method, path, payload, headers);
      if (typeof env.Data !== "string") throw new IrpError("parse", "The IRP answer had no data", { retryable: true });
      return JSON.parse(aesEcb("decrypt", Buffer.from(env.Data, "base64"), s.sek).toString("utf8")) as T;
    } catch (e) {
      if (!retried && e instanceof IrpError && TOKEN_ERRORS.has(e.code)) {
        sessions.delete(cacheKey);
        return call<T>(method, path, body, true);
      }
      throw e;
    }
  }

  async function send(method: "GET" | "POST", path: string, body: unknown, headers: Record<string, string>): Promise<NicEnvelope> {
    let res: Response;
    try {
      res = await doFetch(`${base}${path}`, {
        method,
        headers: { ...headers, accept: "application/json", ...(body !== undefined ? { "content-type": "application/json" } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(cfg.timeoutMs ?? 30_000),
      });
    } catch (e) {
      throw new IrpError("network", `The IRP could not be reached: ${(e as Error).message}`, { retryable: true });
    }
    const text = await res.text();
    if (res.status >= 500 || res.status === 429) throw new IrpError(`http_${res.status}`, `The IRP answered ${res.status}; trying again later`, { retryable: true });
    let env: NicEnvelope;
    try {
      env = JSON.parse(text) as NicEnvelope;
    } catch {
      throw new IrpError(`http_${res.status}`, `The IRP answered ${res.status} with something that is not JSON`, { retryable: res.status >= 500 });
    }
    if (String(env.Status) === "1") return env;
    const first = env.ErrorDetails?.[0];
    const code = first?.ErrorCode ?? `http_${res.status}`;
    const message = env.ErrorDetails?.map((e) => `${e.ErrorCode}: ${e.ErrorMessage}`).join("; ") || `The IRP refused the request (HTTP ${res.status})`;
    const dup = env.InfoDtls?.find((i) => i.InfCd === "DUPIRN")?.Desc as { Irn?: string; AckNo?: string | number; AckDt?: string } | undefined;
    throw new IrpError(code, message, {
      retryable: false,
      existing: code === IRP_DUPLICATE_IRN && dup?.Irn ? { Irn: dup.Irn, AckNo: String(dup.AckNo ?? ""), AckDt: dup.AckDt ?? "" } : undefined,
    });
  }

  return {
    kind: "nic",
    async generateIrn(json: IrpInvoice): Promise<IrpGenerated> {
      return normalise(await call<IrpGenerated>("POST", "/eicore/v1.03/Invoice", json));
    },
    async getByIrn(irn: string): Promise<IrpGenerated> {
      return normalise(await call<IrpGenerated>("GET", `/eicore/v1.03/Invoice/irn/${encodeURIComponent(irn)}`));
    },
    async cancelIrn({ Irn, CnlRsn, CnlRem }): Promise<IrpCancelled> {
      // NIC takes the reason code as a string ("1".."4").
      return call<IrpCancelled>("POST", "/eicore/v1.03/Invoice/Cancel", { Irn, CnlRsn: String(CnlRsn), CnlRem });
    },
  };
}

/** Forgets every cached IRP session (credentials changed, or tests). */
export function clearNicSessions(companyId?: string) {
  for (const k of [...sessions.keys()]) if (!companyId || k.startsWith(`${companyId}|`)) sessions.delete(k);
}

function normalise(r: IrpGenerated): IrpGenerated {
  return { ...r, AckNo: String(r.AckNo), Status: r.Status === "CNL" ? "CNL" : "ACT" };
}

/** AES-256-ECB with PKCS#7 padding, as NIC uses for the Sek and the payloads. */
export function aesEcb(mode: "encrypt" | "decrypt", data: Buffer, key: Buffer): Buffer {
  const c = mode === "encrypt" ? createCipheriv("aes-256-ecb", key, null) : createDecipheriv("aes-256-ecb", key, null);
  return Buffer.concat([c.update(data), c.final()]);
}

// The real IRP driver, per NIC's public e-invoice API (einv-apisandbox.nic.in):
// - auth (POST /eivital/v1.04/auth): a random 32-byte AppKey; the login JSON {UserName, Password,
//   AppKey, ForceRefreshAccessToken} is base64-encoded and RSA-encrypted (PKCS#1 v1.5) with NIC's
//   public key; the answer's Sek (session key) is AES-256-ECB-encrypted with the AppKey.
// - every later call carries client_id, client_secret, Gstin, user_name and AuthToken headers and
//   sends/receives { Data: base64(AES-256-ECB(json, Sek)) }.
// Tokens (with their Sek) are cached per company until shortly before they expire.
import { aesEcb, nicExchange, nicSessionKey, nicSessions, sealedLogin, type NicSession } from "../nic-session";
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

/** Renew this long before NIC's stated expiry, so a call never goes out with a dying token. */
const sessions = nicSessions(5 * 60_000);
/** NIC: "Invalid Token" / token expired — log in again once and repeat the call. */
const TOKEN_ERRORS = new Set(["1005", "1004"]);

type NicEnvelope = { Status: number | string; Data?: unknown; ErrorDetails?: { ErrorCode: string; ErrorMessage: string }[] | null; InfoDtls?: { InfCd: string; Desc: unknown }[] | null };

export function createNicClient(cfg: NicConfig): IrpClient {
  const doFetch = cfg.fetch ?? fetch;
  const now = cfg.now ?? (() => new Date());
  const base = cfg.baseUrl.replace(/\/+$/, "");
  const cacheKey = nicSessionKey(cfg, base);
  const retryable = (code: string, message: string) => new IrpError(code, message, { retryable: true });

  async function login(): Promise<NicSession> {
    const { appKey, Data } = sealedLogin(cfg.publicKeyPem, (AppKey) => ({ UserName: cfg.username, Password: cfg.password, AppKey, ForceRefreshAccessToken: false }));
    const env = await send("POST", "/eivital/v1.04/auth", { Data }, { client_id: cfg.clientId, client_secret: cfg.clientSecret, Gstin: cfg.gstin });
    const d = env.Data as { AuthToken?: string; Sek?: string; TokenExpiry?: string } | undefined;
    if (!d?.AuthToken || !d.Sek) throw new IrpError("auth", "The IRP login answer had no token", { retryable: true });
    const sek = aesEcb("decrypt", Buffer.from(d.Sek, "base64"), appKey);
    const expiresAt = d.TokenExpiry ? parseIrpDateTime(d.TokenExpiry).getTime() : now().getTime() + 6 * 3600_000;
    return { token: d.AuthToken, sek, expiresAt };
  }

  /** One authenticated call: the body is encrypted with the Sek and the answer's Data decrypted with it. */
  function call<T>(method: "GET" | "POST", path: string, body?: unknown): Promise<T> {
    return sessions.call(
      cacheKey,
      now,
      login,
      async (s) => {
        const headers = { client_id: cfg.clientId, client_secret: cfg.clientSecret, Gstin: cfg.gstin, user_name: cfg.username, AuthToken: s.token };
        const payload = body === undefined ? undefined : { Data: aesEcb("encrypt", Buffer.from(JSON.stringify(body)), s.sek).toString("base64") };
        const env = await send(method, path, payload, headers);
        if (typeof env.Data !== "string") throw new IrpError("parse", "The IRP answer had no data", { retryable: true });
        return JSON.parse(aesEcb("decrypt", Buffer.from(env.Data, "base64"), s.sek).toString("utf8")) as T;
      },
      (e) => e instanceof IrpError && TOKEN_ERRORS.has(e.code),
    );
  }

  async function send(method: "GET" | "POST", path: string, body: unknown, headers: Record<string, string>): Promise<NicEnvelope> {
    const { status, json } = await nicExchange(doFetch, `${base}${path}`, method, body, headers, cfg.timeoutMs ?? 30_000, "The IRP", retryable);
    if (json === null) throw new IrpError(`http_${status}`, `The IRP answered ${status} with something that is not JSON`, { retryable: false });
    const env = json as NicEnvelope;
    if (String(env.Status) === "1") return env;
    const first = env.ErrorDetails?.[0];
    const code = first?.ErrorCode ?? `http_${status}`;
    const message = env.ErrorDetails?.map((e) => `${e.ErrorCode}: ${e.ErrorMessage}`).join("; ") || `The IRP refused the request (HTTP ${status})`;
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
export const clearNicSessions = (companyId?: string) => sessions.clear(companyId);

function normalise(r: IrpGenerated): IrpGenerated {
  return { ...r, AckNo: String(r.AckNo), Status: r.Status === "CNL" ? "CNL" : "ACT" };
}

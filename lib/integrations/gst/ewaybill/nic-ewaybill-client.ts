// The real e-way bill driver, per NIC's public e-way bill API (v1.03), in the same key scheme as the IRP:
// - auth (POST {base}/auth, headers client-id, client-secret, gstin): a random 32-byte app key; the JSON
//   {action: "ACCESSTOKEN", username, password, app_key} is base64-encoded and RSA-encrypted (PKCS#1 v1.5)
//   with NIC's public key and sent as {Data}; the answer {status: "1", authtoken, sek} carries the session
//   key (sek) AES-256-ECB-encrypted with the app key.
// - actions (POST {base}/ewayapi, headers + authtoken): {action, data: base64(AES-256-ECB(json, sek))};
//   answers {status: "1", data} decrypted with the sek (or with "rek" when given, itself sek-encrypted).
//   GetEwayBill is GET {base}/ewayapi/GetEwayBill?ewbNo=….
// - errors: {status: "0", error: base64(JSON {errorCodes: "238,"})}; 238 (invalid token) logs in again once.
// Sessions are cached per company until shortly before their six hours run out.
import { aesEcb, nicExchange, nicSessionKey, nicSessions, sealedLogin, type NicSession } from "../nic-session";
import { EWB_INVALID_TOKEN, EwbError, type EwayBillClient, type EwbDetails, type EwbGenerated } from "./ewaybill-client";
import type { EwayBillJson } from "./ewaybill-json";

export type NicEwbConfig = {
  companyId: string;
  /** e.g. https://api.ewaybillgst.gov.in/ewaybillapi/v1.03 */
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

const SESSION_MS = 6 * 3600_000;
const sessions = nicSessions(10 * 60_000);

type Envelope = { status?: string | number; authtoken?: string; sek?: string; data?: unknown; rek?: string; error?: string; info?: string };

export function createNicEwayBillClient(cfg: NicEwbConfig): EwayBillClient {
  const doFetch = cfg.fetch ?? fetch;
  const now = cfg.now ?? (() => new Date());
  const base = cfg.baseUrl.replace(/\/+$/, "");
  const cacheKey = nicSessionKey(cfg, base);
  const baseHeaders = { "client-id": cfg.clientId, "client-secret": cfg.clientSecret, gstin: cfg.gstin };
  const retryable = (code: string, message: string) => new EwbError(code, message, { retryable: true });

  async function login(): Promise<NicSession> {
    const { appKey, Data } = sealedLogin(cfg.publicKeyPem, (app_key) => ({ action: "ACCESSTOKEN", username: cfg.username, password: cfg.password, app_key }));
    const env = await send("POST", "/auth", { Data }, baseHeaders);
    if (!env.authtoken || !env.sek) throw new EwbError("auth", "The e-way bill system's login answer had no token", { retryable: true });
    return { token: env.authtoken, sek: aesEcb("decrypt", Buffer.from(env.sek, "base64"), appKey), expiresAt: now().getTime() + SESSION_MS };
  }

  function call<T>(method: "GET" | "POST", path: string, body?: { action: string; json: unknown }): Promise<T> {
    return sessions.call(
      cacheKey,
      now,
      login,
      async (s) => {
        const payload = body ? { action: body.action, data: aesEcb("encrypt", Buffer.from(JSON.stringify(body.json)), s.sek).toString("base64") } : undefined;
        const env = await send(method, path, payload, { ...baseHeaders, authtoken: s.token });
        if (typeof env.data !== "string") throw new EwbError("parse", "The e-way bill system's answer had no data", { retryable: true });
        const key = env.rek ? aesEcb("decrypt", Buffer.from(env.rek, "base64"), s.sek) : s.sek;
        return JSON.parse(aesEcb("decrypt", Buffer.from(env.data, "base64"), key).toString("utf8")) as T;
      },
      (e) => e instanceof EwbError && e.code === EWB_INVALID_TOKEN,
    );
  }

  async function send(method: "GET" | "POST", path: string, body: unknown, headers: Record<string, string>): Promise<Envelope> {
    const { status, json } = await nicExchange(doFetch, `${base}${path}`, method, body, headers, cfg.timeoutMs ?? 30_000, "The e-way bill system", retryable);
    if (json === null) throw new EwbError(`http_${status}`, `The e-way bill system answered ${status} with something that is not JSON`);
    const env = json as Envelope;
    if (String(env.status) === "1") return env;
    const codes = decodeErrorCodes(env.error);
    const code = codes[0] ?? `http_${status}`;
    throw new EwbError(code, codes.length ? codes.map((c) => `${c}: ${EWB_ERROR_TEXT[c] ?? "refused by the e-way bill system"}`).join("; ") : `The e-way bill system refused the request (HTTP ${status})`);
  }

  const post = <T>(action: string, json: unknown) => call<T>("POST", "/ewayapi", { action, json });

  return {
    kind: "nic",
    async generate(json: EwayBillJson): Promise<EwbGenerated> {
      const r = await post<{ ewayBillNo: number | string; ewayBillDate: string; validUpto?: string | null; alert?: string | null }>("GENEWAYBILL", json);
      return { ewayBillNo: String(r.ewayBillNo), ewayBillDate: r.ewayBillDate, validUpto: r.validUpto || null, alert: r.alert ?? null };
    },
    async updatePartB(req) {
      const r = await post<{ vehUpdDate: string; validUpto?: string | null }>("VEHEWB", { ...req, ewbNo: Number(req.ewbNo) });
      return { vehUpdDate: r.vehUpdDate, validUpto: r.validUpto || null };
    },
    async updateTransporter(req) {
      const r = await post<{ ewayBillNo: number | string; transporterId: string; transUpdateDate: string }>("UPDATETRANSPORTER", { ewbNo: Number(req.ewbNo), transporterId: req.transporterId });
      return { ...r, ewayBillNo: String(r.ewayBillNo) };
    },
    async extendValidity(req) {
      const r = await post<{ ewayBillNo: number | string; updatedDate: string; validUpto: string }>("EXTENDVALIDITY", { ...req, ewbNo: Number(req.ewbNo) });
      return { ...r, ewayBillNo: String(r.ewayBillNo) };
    },
    async cancel(req) {
      const r = await post<{ ewayBillNo: number | string; cancelDate: string }>("CANEWB", { ewbNo: Number(req.ewbNo), cancelRsnCode: req.cancelRsnCode, cancelRmrk: req.cancelRmrk });
      return { ...r, ewayBillNo: String(r.ewayBillNo) };
    },
    async get(ewbNo: string): Promise<EwbDetails> {
      const r = await call<EwbDetails & { ewbNo: number | string }>("GET", `/ewayapi/GetEwayBill?ewbNo=${encodeURIComponent(ewbNo)}`);
      return { ...r, ewbNo: String(r.ewbNo), VehiclListDetails: r.VehiclListDetails ?? [] };
    },
  };
}

/** Forgets cached e-way bill sessions (credentials changed, or tests). */
export const clearNicEwbSessions = (companyId?: string) => sessions.clear(companyId);

function decodeErrorCodes(error: string | undefined): string[] {
  if (!error) return [];
  try {
    const parsed = JSON.parse(Buffer.from(error, "base64").toString("utf8")) as { errorCodes?: string };
    return (parsed.errorCodes ?? "").split(",").map((c) => c.trim()).filter(Boolean);
  } catch {
    return [];
  }
}

/** Texts of the error codes the product meets most (the e-way bill system answers with codes only). */
export const EWB_ERROR_TEXT: Record<string, string> = {
  "106": "Invalid username or password",
  "108": "Invalid login credentials",
  "238": "Invalid auth token",
  "312": "This e-way bill is either not generated by you or cancelled",
  "315": "Validity period lapsed, you cannot cancel this e-way bill",
  "316": "E-way bill is already verified, you cannot cancel it",
  "604": "E-way bill(s) are already generated for the same document number",
};

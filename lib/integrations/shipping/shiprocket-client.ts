// The Shiprocket driver: a thin typed client over its public REST API (fetch + zod), base
// https://apiv2.shiprocket.in/v1/external. Auth: POST /auth/login with an API user's email and password
// gives a bearer token valid for 10 days (240 h); it is cached through `tokens` (encrypted on the account
// row, shared by every process), renewed a day before it lapses and once on a 401.
//   rates      GET  /courier/serviceability/?pickup_postcode&delivery_postcode&weight&cod&declared_value
//   book       POST /orders/create/adhoc → POST /courier/assign/awb → POST /courier/generate/pickup
//              → POST /courier/generate/label
//   status     GET  /courier/track/awb/{awb}
//   cancel     POST /orders/cancel { ids: [order id] }
// Tests run it against a local HTTP server that speaks the same JSON (tests/support/fake-shiprocket.ts).
import { z } from "zod";
import {
  rupees,
  ShippingError,
  trackingCodeOf,
  type BookingProgress,
  type BookingRequest,
  type CreatedShipment,
  type PartnerEvent,
  type PartnerStatus,
  type RateRequest,
  type RateResult,
  type ShippingProvider,
} from "./provider";

export const SHIPROCKET_API_BASE = "https://apiv2.shiprocket.in/v1/external";
const TOKEN_LIFETIME_MS = 240 * 3600 * 1000;
const RENEW_BEFORE_MS = 24 * 3600 * 1000;

export type TokenStore = {
  get(): Promise<{ token: string; expiresAt: Date } | null>;
  set(token: string, expiresAt: Date): Promise<void>;
};

export type ShiprocketConfig = {
  email: string;
  password: string;
  tokens: TokenStore;
  apiBase?: string;
  now?: () => Date;
  timeoutMs?: number;
};

const num = z.union([z.number(), z.string()]);
const loginResponse = z.object({ token: z.string().min(10) }).loose();
const courier = z
  .object({
    courier_company_id: num,
    courier_name: z.string(),
    rate: num,
    estimated_delivery_days: num.nullish(),
    cod: num.nullish(),
  })
  .loose();
const serviceabilityResponse = z.object({ status: num.optional(), message: z.string().optional(), data: z.object({ available_courier_companies: z.array(courier).default([]) }).loose().optional() }).loose();
const createOrderResponse = z.object({ order_id: num, shipment_id: num, status: z.string().optional() }).loose();
const assignAwbResponse = z
  .object({
    awb_assign_status: num,
    response: z.object({ data: z.object({ awb_code: z.string().optional(), courier_name: z.string().optional(), freight_charges: num.optional(), awb_assign_error: z.string().optional() }).loose() }).loose(),
  })
  .loose();
const pickupResponse = z.object({ pickup_status: num.optional() }).loose();
const labelResponse = z.object({ label_created: num.optional(), label_url: z.string().optional() }).loose();
const trackResponse = z
  .object({
    tracking_data: z
      .object({
        track_status: num.optional(),
        shipment_track: z.array(z.object({ current_status: z.string().optional() }).loose()).nullish(),
        shipment_track_activities: z.array(z.object({ date: z.string(), status: z.string().optional(), activity: z.string().optional(), location: z.string().nullish(), "sr-status-label": z.string().optional() }).loose()).nullish(),
        track_url: z.string().optional(),
        error: z.string().optional(),
      })
      .loose(),
  })
  .loose();

export function createShiprocketClient(cfg: ShiprocketConfig): ShippingProvider {
  const base = (cfg.apiBase ?? SHIPROCKET_API_BASE).replace(/\/$/, "");
  const now = cfg.now ?? (() => new Date());

  async function login(): Promise<string> {
    const body = await send("POST", "/auth/login", { email: cfg.email, password: cfg.password }, null);
    const { token } = parse(loginResponse, body, "login");
    await cfg.tokens.set(token, new Date(now().getTime() + TOKEN_LIFETIME_MS));
    return token;
  }

  async function token(): Promise<string> {
    const cached = await cfg.tokens.get();
    if (cached && cached.expiresAt.getTime() - now().getTime() > RENEW_BEFORE_MS) return cached.token;
    return login();
  }

  /** One API call with the cached token; a 401 logs in again once (the token was revoked or replaced). */
  async function api(method: "GET" | "POST", path: string, body?: unknown): Promise<unknown> {
    try {
      return await send(method, path, body, await token());
    } catch (err) {
      if (err instanceof ShippingError && err.kind === "auth" && path !== "/auth/login") return send(method, path, body, await login());
      throw err;
    }
  }

  async function send(method: "GET" | "POST", path: string, body: unknown, bearer: string | null): Promise<unknown> {
    let res: Response;
    try {
      res = await fetch(`${base}${path}`, {
        method,
        headers: { accept: "application/json", ...(body !== undefined && method === "POST" ? { "content-type": "application/json" } : {}), ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
        body: method === "POST" && body !== undefined ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(cfg.timeoutMs ?? 15_000),
      });
    } catch (err) {
      throw new ShippingError("unavailable", `Shiprocket did not answer (${(err as Error).name === "TimeoutError" ? "timeout" : "network error"})`);
    }
    const text = await res.text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    if (res.ok) {
      if (json === null) throw new ShippingError("unavailable", `Shiprocket answered ${path} with something that is not JSON`);
      return json;
    }
    const message = messageOf(json) ?? `HTTP ${res.status}`;
    if (res.status === 401 || res.status === 403) throw new ShippingError("auth", path === "/auth/login" ? `Shiprocket refused the API user's email or password: ${message}` : `Shiprocket refused the token: ${message}`);
    if (res.status === 404) throw new ShippingError("not_found", `Shiprocket: ${message}`);
    if (res.status === 422 || res.status === 400) throw new ShippingError("bad_request", `Shiprocket: ${message}`);
    if (res.status === 429 || res.status >= 500) throw new ShippingError("unavailable", `Shiprocket is unavailable (${res.status}): ${message}`);
    throw new ShippingError("bad_request", `Shiprocket: ${message}`);
  }

  const trackingLink = (awb: string) => `https://shiprocket.co/tracking/${encodeURIComponent(awb)}`;

  return {
    kind: "shiprocket",
    async verifyCredentials() {
      await login();
    },

    async rateShipment(req: RateRequest): Promise<RateResult> {
      const q = new URLSearchParams({ pickup_postcode: req.pickupPincode, delivery_postcode: req.deliveryPincode, weight: String(Number(req.weightKg)), cod: req.cod ? "1" : "0", declared_value: req.declaredValue });
      let body: unknown;
      try {
        body = await api("GET", `/courier/serviceability/?${q}`);
      } catch (err) {
        if (err instanceof ShippingError && (err.kind === "not_found" || err.kind === "bad_request")) return { ok: false, options: [], error: err.message.replace(/^Shiprocket: /, "") };
        throw err;
      }
      const r = parse(serviceabilityResponse, body, "serviceability");
      const list = r.data?.available_courier_companies ?? [];
      if ((r.status !== undefined && Number(r.status) !== 200) || list.length === 0) return { ok: false, options: [], error: r.message ?? "No courier serves this pair of PIN codes" };
      const options = list
        .map((c) => ({ courierId: String(c.courier_company_id), courierName: c.courier_name, price: rupees(c.rate), etaDays: c.estimated_delivery_days == null || c.estimated_delivery_days === "" ? null : Number(c.estimated_delivery_days), cod: Number(c.cod ?? 0) === 1 }))
        .filter((o) => !req.cod || o.cod)
        .sort((a, b) => Number(a.price) - Number(b.price));
      return options.length ? { ok: true, options, error: null } : { ok: false, options: [], error: "No courier takes cash on delivery for this PIN code" };
    },

    async createShipment(req: BookingRequest, opts = {}): Promise<CreatedShipment> {
      const progress: BookingProgress = { ...(opts.resume ?? {}) };
      const tell = async () => opts.onProgress?.({ ...progress });
      if (!progress.partnerOrderId || !progress.partnerShipmentId) {
        const order = parse(createOrderResponse, await api("POST", "/orders/create/adhoc", adhocOrder(req)), "order create");
        Object.assign(progress, { partnerOrderId: String(order.order_id), partnerShipmentId: String(order.shipment_id) });
        await tell();
      }
      if (!progress.awb) {
        const a = parse(assignAwbResponse, await api("POST", "/courier/assign/awb", { shipment_id: Number(progress.partnerShipmentId), courier_id: Number(req.courierId) }), "AWB assignment");
        const data = a.response.data;
        if (Number(a.awb_assign_status) !== 1 || !data.awb_code) throw new ShippingError("bad_request", `Shiprocket could not assign an AWB: ${data.awb_assign_error ?? "no AWB returned"}`);
        Object.assign(progress, { awb: data.awb_code, courierName: data.courier_name ?? null, price: data.freight_charges !== undefined ? rupees(data.freight_charges) : null });
        await tell();
      }
      // Pickup and label can be asked again safely; a label that fails is not worth losing the AWB over.
      parse(pickupResponse, await api("POST", "/courier/generate/pickup", { shipment_id: [Number(progress.partnerShipmentId)] }), "pickup");
      let labelUrl: string | null = null;
      try {
        labelUrl = parse(labelResponse, await api("POST", "/courier/generate/label", { shipment_id: [Number(progress.partnerShipmentId)] }), "label").label_url ?? null;
      } catch (err) {
        if (!(err instanceof ShippingError) || err.kind === "auth") throw err;
      }
      return {
        partnerOrderId: progress.partnerOrderId!,
        partnerShipmentId: progress.partnerShipmentId!,
        awb: progress.awb!,
        courierName: progress.courierName ?? req.courierId,
        labelUrl,
        trackingUrl: trackingLink(progress.awb!),
        price: progress.price ?? null,
      };
    },

    trackingLink,

    async getStatus({ awb }): Promise<PartnerStatus> {
      const t = parse(trackResponse, await api("GET", `/courier/track/awb/${encodeURIComponent(awb)}`), "tracking").tracking_data;
      if (t.error && !t.shipment_track_activities?.length) throw new ShippingError("not_found", `Shiprocket: ${t.error}`);
      const events: PartnerEvent[] = (t.shipment_track_activities ?? []).map((a) => {
        const status = a["sr-status-label"] ?? a.status ?? a.activity ?? "UPDATE";
        return { status, code: trackingCodeOf(status), description: a.activity ?? status, location: a.location ?? null, occurredAt: parseShiprocketTime(a.date), externalId: `${awb}:${status}:${a.date}` };
      });
      events.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
      const current = t.shipment_track?.[0]?.current_status ?? events.at(-1)?.status ?? "NEW";
      return { awb, status: current, code: trackingCodeOf(current), events };
    },

    async cancel({ partnerOrderId }) {
      await api("POST", "/orders/cancel", { ids: [Number(partnerOrderId)] });
    },
  };
}

function adhocOrder(req: BookingRequest) {
  const [first, ...rest] = req.consignee.name.trim().split(/\s+/);
  const subTotal = req.items.reduce((s, i) => s + Number(i.sellingPrice) * i.units, 0);
  return {
    order_id: req.reference,
    order_date: istMinute(req.orderDate),
    pickup_location: req.pickupLocation,
    billing_customer_name: first,
    billing_last_name: rest.join(" "),
    billing_address: req.consignee.line1,
    ...(req.consignee.line2 ? { billing_address_2: req.consignee.line2 } : {}),
    billing_city: req.consignee.city,
    billing_pincode: req.consignee.pincode,
    billing_state: req.consignee.state,
    billing_country: "India",
    billing_email: req.consignee.email,
    billing_phone: req.consignee.phone.replace(/^\+91/, ""),
    shipping_is_billing: true,
    order_items: req.items.map((i) => ({ name: i.name, sku: i.sku, units: i.units, selling_price: i.sellingPrice })),
    payment_method: req.cod ? "COD" : "Prepaid",
    sub_total: Number(subTotal.toFixed(2)),
    length: req.dimensionsCm.length,
    breadth: req.dimensionsCm.breadth,
    height: req.dimensionsCm.height,
    weight: Number(req.weightKg),
  };
}

/** "YYYY-MM-DD HH:mm" in India, as Shiprocket's order_date wants it. */
function istMinute(d: Date): string {
  return new Date(d.getTime() + 330 * 60_000).toISOString().slice(0, 16).replace("T", " ");
}

/** Shiprocket's times are India time: "2026-12-06 14:05:00" (tracking) or "06 12 2026 14:05:00" (webhooks). */
export function parseShiprocketTime(s: string): Date {
  const t = s.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(t);
  if (m) return new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? "00"}+05:30`);
  m = /^(\d{2}) (\d{2}) (\d{4}) (\d{2}):(\d{2})(?::(\d{2}))?$/.exec(t);
  if (m) return new Date(`${m[3]}-${m[2]}-${m[1]}T${m[4]}:${m[5]}:${m[6] ?? "00"}+05:30`);
  const d = new Date(t);
  if (Number.isNaN(d.getTime())) throw new ShippingError("bad_request", `Shiprocket sent a time we cannot read: ${s}`);
  return d;
}

function parse<T extends z.ZodType>(schema: T, body: unknown, what: string): z.infer<T> {
  const r = schema.safeParse(body);
  if (!r.success) throw new ShippingError("unavailable", `Shiprocket's ${what} answer has an unexpected shape: ${r.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ")}`);
  return r.data;
}

function messageOf(json: unknown): string | null {
  if (!json || typeof json !== "object") return null;
  const j = json as { message?: unknown; errors?: unknown };
  if (typeof j.message === "string" && j.message) {
    if (j.errors && typeof j.errors === "object") return `${j.message} (${Object.entries(j.errors as Record<string, unknown>).map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(", ") : String(v)}`).join("; ")})`;
    return j.message;
  }
  return null;
}

// A local HTTP server speaking Shiprocket's external API JSON (the parts the driver uses), for tests of
// lib/integrations/shipping/shiprocket-client.ts: login with an API user, bearer tokens that can be
// revoked, serviceability, adhoc orders, AWB assignment, pickup, label, tracking and cancel; failures on
// demand (500s for a path, a revoked token).
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export type FakeShiprocket = {
  url: string;
  calls: { method: string; path: string; body: unknown; auth: string | null }[];
  tokens: Set<string>;
  /** Answer the next N calls to a path (prefix) with this status. */
  failNext(pathPrefix: string, status: number, times?: number): void;
  orders: Map<number, { orderRef: string; shipmentId: number; awb: string | null; cancelled: boolean; body: Record<string, unknown> }>;
  /** Tracking activities per AWB, as Shiprocket lists them. */
  activities: Map<string, { date: string; status: string; activity: string; location: string; "sr-status-label": string }[]>;
  close(): Promise<void>;
};

export async function startFakeShiprocket(opts: { email: string; password: string }): Promise<FakeShiprocket> {
  const calls: FakeShiprocket["calls"] = [];
  const tokens = new Set<string>();
  const failures: { prefix: string; status: number; left: number }[] = [];
  const orders: FakeShiprocket["orders"] = new Map();
  const activities: FakeShiprocket["activities"] = new Map();
  let seq = 1000;

  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const path = url.pathname.replace(/^\/v1\/external/, "");
    const raw = await read(req);
    let body: unknown = null;
    try {
      body = raw ? JSON.parse(raw) : null;
    } catch {
      body = raw;
    }
    const auth = req.headers.authorization ?? null;
    calls.push({ method: req.method ?? "GET", path: path + url.search, body, auth });
    const send = (status: number, json: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(json));
    };
    const f = failures.find((x) => path.startsWith(x.prefix) && x.left > 0);
    if (f) {
      f.left--;
      return send(f.status, { message: `Forced ${f.status}`, status_code: f.status });
    }
    if (path === "/auth/login" && req.method === "POST") {
      const b = body as { email?: string; password?: string };
      if (b?.email !== opts.email || b?.password !== opts.password) return send(403, { message: "Invalid email and password combination", status_code: 403 });
      const token = `tok_${++seq}_${"x".repeat(20)}`;
      tokens.add(token);
      return send(200, { id: 1, first_name: "API", email: opts.email, company_id: 42, token });
    }
    const bearer = /^Bearer (.+)$/.exec(auth ?? "")?.[1];
    if (!bearer || !tokens.has(bearer)) return send(401, { message: "Token has expired", status_code: 401 });

    if (path === "/courier/serviceability/" && req.method === "GET") {
      const to = url.searchParams.get("delivery_postcode") ?? "";
      const weight = Number(url.searchParams.get("weight"));
      if (!/^\d{6}$/.test(to) || !url.searchParams.get("pickup_postcode")) return send(422, { message: "Oops! Invalid Data.", errors: { delivery_postcode: ["The delivery postcode must be 6 digits."] }, status_code: 422 });
      if (to.startsWith("9")) return send(404, { message: `Delivery postcode ${to} is not serviceable`, status_code: 404 });
      const slabs = Math.ceil(weight / 0.5);
      return send(200, {
        status: 200,
        currency: "INR",
        data: {
          available_courier_companies: [
            { courier_company_id: 10, courier_name: "Delhivery Surface", rate: 38.5 * slabs, estimated_delivery_days: "4", etd: "Dec 10, 2026", cod: 1, freight_charge: 38.5 * slabs },
            { courier_company_id: 24, courier_name: "Xpressbees Air", rate: 61.255 * slabs, estimated_delivery_days: "2", etd: "Dec 08, 2026", cod: 0 },
          ],
          recommended_courier_company_id: 10,
        },
      });
    }
    if (path === "/orders/create/adhoc" && req.method === "POST") {
      const b = (body ?? {}) as Record<string, unknown>;
      const missing = ["order_id", "order_date", "pickup_location", "billing_customer_name", "billing_address", "billing_city", "billing_pincode", "billing_state", "billing_country", "billing_email", "billing_phone", "order_items", "payment_method", "sub_total", "length", "breadth", "height", "weight"].filter((k) => b[k] === undefined || b[k] === "");
      if (missing.length) return send(422, { message: "Oops! Invalid Data.", errors: Object.fromEntries(missing.map((k) => [k, [`The ${k} field is required.`]])), status_code: 422 });
      if (!/^[6-9]\d{9}$/.test(String(b.billing_phone))) return send(422, { message: "Oops! Invalid Data.", errors: { billing_phone: ["Please enter a valid phone number."] }, status_code: 422 });
      const orderId = ++seq;
      const shipmentId = ++seq;
      orders.set(orderId, { orderRef: String(b.order_id), shipmentId, awb: null, cancelled: false, body: b });
      return send(200, { order_id: orderId, shipment_id: shipmentId, status: "NEW", status_code: 1, onboarding_completed_now: 0, awb_code: "", courier_company_id: "", courier_name: "" });
    }
    if (path === "/courier/assign/awb" && req.method === "POST") {
      const b = body as { shipment_id?: number; courier_id?: number };
      const o = [...orders.values()].find((x) => x.shipmentId === b?.shipment_id);
      if (!o) return send(200, { awb_assign_status: 0, response: { data: { awb_assign_error: "Shipment not found" } } });
      if (b.courier_id === 99) return send(200, { awb_assign_status: 0, response: { data: { awb_assign_error: "Courier not serviceable for this shipment" } } });
      o.awb ??= `1904${++seq}${b.courier_id}`;
      return send(200, { awb_assign_status: 1, response: { data: { courier_company_id: b.courier_id, awb_code: o.awb, courier_name: b.courier_id === 10 ? "Delhivery Surface" : "Xpressbees Air", shipment_id: o.shipmentId, freight_charges: 77.005 } } });
    }
    if (path === "/courier/generate/pickup" && req.method === "POST") return send(200, { pickup_status: 1, response: { pickup_scheduled_date: "2026-12-07 10:00:00", pickup_token_number: "Reference No: 1234", status: 3 } });
    if (path === "/courier/generate/label" && req.method === "POST") {
      const id = (body as { shipment_id?: number[] })?.shipment_id?.[0];
      return send(200, { label_created: 1, label_url: `https://kr-shipmultichannel.s3.amazonaws.com/labels/${id}.pdf`, response: "Label has been created and uploaded successfully!", not_created: [] });
    }
    const track = /^\/courier\/track\/awb\/(.+)$/.exec(path);
    if (track && req.method === "GET") {
      const awb = decodeURIComponent(track[1]!);
      const acts = activities.get(awb);
      if (!acts) return send(200, { tracking_data: { track_status: 0, shipment_status: 0, shipment_track: [], shipment_track_activities: null, error: `Aahh! There is no activities found in our DB for AWB ${awb}` } });
      const latest = [...acts].sort((a, b) => b.date.localeCompare(a.date));
      return send(200, { tracking_data: { track_status: 1, shipment_status: 7, shipment_track: [{ awb_code: awb, current_status: latest[0]!["sr-status-label"] }], shipment_track_activities: latest, track_url: `https://shiprocket.co//tracking/${awb}` } });
    }
    if (path === "/orders/cancel" && req.method === "POST") {
      const ids = (body as { ids?: number[] })?.ids ?? [];
      const missing = ids.filter((i) => !orders.has(i));
      if (!ids.length || missing.length) return send(400, { message: `Order ids not found: ${missing.join(", ")}`, status_code: 400 });
      for (const i of ids) orders.get(i)!.cancelled = true;
      return send(200, { status: 200, message: "Order cancelled successfully." });
    }
    send(404, { message: "Not found", status_code: 404 });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/v1/external`,
    calls,
    tokens,
    orders,
    activities,
    failNext(prefix, status, times = 1) {
      failures.push({ prefix, status, left: times });
    },
    close: () => new Promise((r) => server.close(() => r())),
  };
}

function read(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
  });
}

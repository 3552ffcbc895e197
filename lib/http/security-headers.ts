// The browser's security headers, built in one place for every response: pages get a
// Content-Security-Policy with a per-request nonce (Next.js reads the nonce from the request's CSP
// header and puts it on its own scripts), API and file responses a policy that allows nothing.
// proxy.ts sends them to pages; next.config.ts sends staticFileHeaders() for /_next/static and apiHeaderRules()
// for /api, which the proxy skips.
// Pure: no Next.js or environment imports, so unit tests and next.config.ts can call it.

export type CspDirective =
  | "default-src"
  | "script-src"
  | "style-src"
  | "style-src-attr"
  | "img-src"
  | "font-src"
  | "connect-src"
  | "frame-src"
  | "worker-src"
  | "manifest-src"
  | "media-src"
  | "object-src"
  | "base-uri"
  | "form-action"
  | "frame-ancestors";

export type CspSources = Partial<Record<CspDirective, readonly string[]>>;

/**
 * Razorpay Standard Checkout (checkout.js from checkout.razorpay.com, its frame served from
 * api.razorpay.com). Stripe needs nothing here: its Checkout is a hosted page the browser is sent to.
 */
export const PAYMENT_GATEWAY_SOURCES: CspSources = {
  "script-src": ["https://checkout.razorpay.com"],
  "frame-src": ["https://api.razorpay.com", "https://checkout.razorpay.com"],
  "connect-src": ["https://api.razorpay.com", "https://lumberjack.razorpay.com"],
  "img-src": ["https://cdn.razorpay.com"],
};

/**
 * Which pages may load which third-party hosts: the one list to extend when a page starts using a
 * gateway or any other outside host. First match by path prefix adds its sources.
 * Only the portal's invoice pages open Razorpay Checkout (Pay now on the list and on one invoice);
 * map pages are listed in MAP_PAGES below.
 */
const PAGE_SOURCES: { prefix: string; sources: CspSources }[] = [{ prefix: "/portal/invoices", sources: PAYMENT_GATEWAY_SOURCES }];

/** Pages that draw a map: they may load tiles from the configured tile server (MAP_TILE_URL). */
const MAP_PAGES = ["/retailers", "/portal/profile", "/trips", "/routes", "/driver"];

/** The CSP source of a tile URL template: "https://{s}.tile.example.org/{z}/{x}/{y}.png" → "https://*.tile.example.org". */
export function tileSource(tileUrl: string | null | undefined): string | null {
  if (!tileUrl) return null;
  const m = /^(https?):\/\/([^/]+)/.exec(tileUrl);
  if (!m) return null;
  const host = m[2].replace(/\{[a-z]\}/g, "*");
  return `${m[1]}://${host.startsWith("*") ? host.replace(/^\*[^.]*/, "*") : host}`;
}

export function extraSourcesFor(pathname: string, mapTiles?: string | null): CspSources[] {
  const under = (prefix: string) => pathname === prefix || pathname.startsWith(`${prefix}/`);
  const sources = PAGE_SOURCES.filter((p) => under(p.prefix)).map((p) => p.sources);
  const tiles = tileSource(mapTiles);
  if (tiles && MAP_PAGES.some(under)) sources.push({ "img-src": [tiles] });
  return sources;
}

export type PageCspOptions = {
  nonce: string;
  pathname: string;
  /** next dev: React needs eval for its debugging aids and the dev server injects styles without a nonce. */
  dev?: boolean;
  /** Served over TLS (HSTS configured): ask the browser to upgrade any http:// subresource. */
  https?: boolean;
  /** The map tile URL template (MAP_TILE_URL); map pages may load images from its host. */
  mapTiles?: string | null;
};

/**
 * The CSP of an HTML page. Scripts: only those carrying this request's nonce, and what they load
 * ('strict-dynamic'); no 'unsafe-inline'. Styles: the stylesheet from 'self' and nonce'd <style>
 * elements; style *attributes* (style="…" that React renders for widths, chart bars and the like)
 * need 'unsafe-inline' in style-src-attr, which cannot run script.
 */
export function pageContentSecurityPolicy(opts: PageCspOptions): string {
  const n = `'nonce-${opts.nonce}'`;
  const base: CspSources = {
    "default-src": ["'self'"],
    "script-src": ["'self'", n, "'strict-dynamic'", ...(opts.dev ? ["'unsafe-eval'"] : [])],
    "style-src": opts.dev ? ["'self'", "'unsafe-inline'"] : ["'self'", n],
    "style-src-attr": ["'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'", ...(opts.dev ? ["ws:"] : [])],
    "frame-src": ["'none'"],
    "worker-src": ["'self'", "blob:"],
    "manifest-src": ["'self'"],
    "media-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
  const merged = mergeSources(base, ...extraSourcesFor(opts.pathname, opts.mapTiles));
  return serialize(merged) + (opts.https ? "; upgrade-insecure-requests" : "");
}

/**
 * The CSP of API and file responses (JSON, problem+json, CSV, images): nothing may load and nothing
 * may frame it; `sandbox` makes a document rendered from the bytes (an image served at its own URL, a
 * mislabelled file) a unique opaque origin without script. PDFs leave out `sandbox`: Chromium's PDF
 * viewer refuses to run inside a sandboxed document.
 */
export function fileContentSecurityPolicy(opts: { sandbox?: boolean } = {}): string {
  return `default-src 'none'; frame-ancestors 'none'${opts.sandbox === false ? "" : "; sandbox"}`;
}

/** Responses of the API door and of files get the file policy; everything else is a page. */
export function isFilePath(pathname: string): boolean {
  return pathname === "/api" || pathname.startsWith("/api/") || /\/[^/]+\.[A-Za-z0-9]{1,8}$/.test(pathname);
}

/** PDFs (invoice, credit note, ledger statement) open in the browser's viewer, which a sandbox blocks. */
function isPdfPath(pathname: string): boolean {
  return /\/pdf$|\.pdf$/i.test(pathname);
}

export type SecurityHeaderOptions = {
  pathname: string;
  /** Present for pages: the request's nonce. */
  nonce?: string;
  dev?: boolean;
  /** Strict-Transport-Security max-age in seconds; 0 sends none. */
  hstsMaxAge?: number;
  /** The map tile URL template (MAP_TILE_URL). */
  mapTiles?: string | null;
};

/** Every header a response of this path carries (names lower-case). */
export function securityHeaders(opts: SecurityHeaderOptions): Record<string, string> {
  const file = isFilePath(opts.pathname);
  const gateways = extraSourcesFor(opts.pathname).some((s) => s === PAYMENT_GATEWAY_SOURCES);
  const headers: Record<string, string> = {
    "content-security-policy":
      file || !opts.nonce
        ? fileContentSecurityPolicy({ sandbox: !isPdfPath(opts.pathname) })
        : pageContentSecurityPolicy({ nonce: opts.nonce, pathname: opts.pathname, dev: opts.dev, https: (opts.hstsMaxAge ?? 0) > 0, mapTiles: opts.mapTiles }),
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "permissions-policy": permissionsPolicy(gateways),
    // Gateways' checkout may open a popup (net banking, 3-D Secure) that reports back to its opener.
    "cross-origin-opener-policy": gateways ? "same-origin-allow-popups" : "same-origin",
    "x-permitted-cross-domain-policies": "none",
  };
  if (opts.hstsMaxAge && opts.hstsMaxAge > 0) headers["strict-transport-security"] = `max-age=${Math.floor(opts.hstsMaxAge)}; includeSubDomains`;
  return headers;
}

type HeaderRule = { source: string; headers: { key: string; value: string }[] };
const asRule = (h: Record<string, string>) => Object.entries(h).map(([key, value]) => ({ key, value }));

/** The headers next.config.ts sends for build output the proxy does not see (/_next/static). */
export function staticFileHeaders(): { key: string; value: string }[] {
  return asRule(securityHeaders({ pathname: "/_next/static/file.js" }));
}

/**
 * The headers next.config.ts sends for /api, which the proxy skips: a pass through it cost ~1 ms of CPU
 * per API request (a fifth of an order's), and an API response needs no nonce. The same headers as
 * the proxy would send; a later rule wins for a key, so PDFs get the policy without `sandbox`. HSTS
 * comes with the pages (set at run time, HSTS_MAX_AGE): a browser applies it to the whole host.
 */
export function apiHeaderRules(): HeaderRule[] {
  return [
    { source: "/api/:path*", headers: asRule(securityHeaders({ pathname: "/api/v1/x" })) },
    { source: "/api/:path*/pdf", headers: [{ key: "content-security-policy", value: securityHeaders({ pathname: "/api/v1/x/pdf" })["content-security-policy"]! }] },
  ];
}

/** A fresh nonce: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

function permissionsPolicy(gateways: boolean): string {
  const payment = gateways ? `payment=(self "https://checkout.razorpay.com" "https://api.razorpay.com")` : "payment=(self)";
  // Geolocation stays with the app itself (a delivery or route page may ask for the driver's position).
  return ["camera=()", "microphone=()", "geolocation=(self)", payment, "usb=()", "serial=()", "hid=()", "bluetooth=()", "midi=()", "display-capture=()", "browsing-topics=()"].join(", ");
}

function mergeSources(base: CspSources, ...extra: CspSources[]): CspSources {
  const out: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(base)) out[k] = [...(v ?? [])];
  for (const e of extra) {
    for (const [k, v] of Object.entries(e)) {
      const list = (out[k] ?? [...(out["default-src"] ?? [])]).filter((s) => s !== "'none'");
      for (const s of v ?? []) if (!list.includes(s)) list.push(s);
      out[k] = list;
    }
  }
  return out;
}

function serialize(sources: CspSources): string {
  return Object.entries(sources)
    .map(([k, v]) => `${k} ${(v ?? []).join(" ")}`.trim())
    .join("; ");
}

// The client's network address, for rate limits and logs. A header a client can send is never
// believed on its own: the address is the TCP peer (written by the app's own server, scripts/serve.ts,
// into a private header that it always overwrites), and X-Forwarded-For counts only when that peer is
// a proxy the operator listed in TRUSTED_PROXIES — then the right-most entry that is not a trusted
// proxy is the client (entries to its left were written by the client and prove nothing).
import { BlockList, isIP } from "node:net";
import { env } from "@/lib/env";

/** Set by scripts/serve.ts on every request from req.socket.remoteAddress; a client's copy is overwritten. */
export const PEER_ADDRESS_HEADER = "x-erp-peer-address";

// The server marks the process once it overwrites the header on every request. Without that mark
// (e.g. someone ran `next start` directly) the header could have come from the client, so it is ignored.
const SERVED_MARK = Symbol.for("vendor-erp.peer-address-header");

export function markPeerAddressHeaderTrusted() {
  (globalThis as Record<symbol, unknown>)[SERVED_MARK] = true;
}

function peerHeaderTrusted() {
  return (globalThis as Record<symbol, unknown>)[SERVED_MARK] === true;
}

type HeaderSource = Pick<Headers, "get">;

/** The client address of a request, or undefined when it cannot be known. */
export function clientAddress(headers: HeaderSource | null | undefined, trusted: BlockList = trustedProxies()): string | undefined {
  if (!headers || !peerHeaderTrusted()) return undefined;
  const peer = normalizeAddress(headers.get(PEER_ADDRESS_HEADER));
  if (!peer) return undefined;
  if (!isTrusted(trusted, peer)) return peer;
  // The peer is our proxy: walk X-Forwarded-For from the right, past every trusted hop.
  const hops = (headers.get("x-forwarded-for") ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normalizeAddress(hops[i]);
    if (!hop) return peer; // garbage in the chain: stop at the last address we can vouch for
    if (!isTrusted(trusted, hop)) return hop;
  }
  // Every hop is a trusted proxy (a request from inside the network): the left-most is the origin.
  return normalizeAddress(hops[0]) ?? peer;
}

/** A bare IPv4 or IPv6 address; IPv4-mapped IPv6 (::ffff:1.2.3.4) becomes the IPv4 form, so one client has one key. */
export function normalizeAddress(raw: string | null | undefined): string | undefined {
  if (!raw) return undefined;
  let a = raw.trim();
  // "[2001:db8::1]:443" and "1.2.3.4:5678" as some proxies write them.
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a);
  if (bracketed) a = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(":"));
  const zone = a.indexOf("%");
  if (zone > 0) a = a.slice(0, zone);
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(a);
  if (mapped) a = mapped[1];
  const kind = isIP(a);
  if (kind === 4) return a;
  if (kind === 6) return a.toLowerCase();
  return undefined;
}

/** Parses a TRUSTED_PROXIES value (checked by lib/env.ts): addresses and CIDR ranges, IPv4 or IPv6, comma-separated. */
export function parseTrustedProxies(value: string): BlockList {
  const list = new BlockList();
  for (const entry of value.split(",").map((s) => s.trim()).filter(Boolean)) {
    const [addr, bits] = entry.split("/");
    const kind = isIP(addr) === 4 ? "ipv4" : "ipv6";
    if (bits === undefined) list.addAddress(addr, kind);
    else list.addSubnet(addr, Number(bits), kind);
  }
  return list;
}

let cached: { value: string; list: BlockList } | undefined;

function trustedProxies(): BlockList {
  const value = env().TRUSTED_PROXIES;
  if (cached?.value !== value) cached = { value, list: parseTrustedProxies(value) };
  return cached.list;
}

function isTrusted(list: BlockList, address: string) {
  return list.check(address, isIP(address) === 4 ? "ipv4" : "ipv6");
}

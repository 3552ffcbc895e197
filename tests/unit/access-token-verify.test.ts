// Access tokens are verified with node:crypto (verifyAccessJwt), not jose's WebCrypto job. The checks
// must be at least jose's for our tokens: each forgery below is refused, and over a set of valid and
// broken tokens verifyAccessJwt accepts a token only where jose's jwtVerify does.
import { createHmac } from "node:crypto";
import { jwtVerify, SignJWT, type JWTPayload } from "jose";
import { describe, expect, it } from "vitest";
import { verifyAccessJwt } from "@/lib/auth/tokens";

const secret = new TextEncoder().encode("unit-secret-0123456789abcdef0123456789abcdef");
const key = Buffer.from(secret);
const now = 1_800_000_000;
const b64 = (v: unknown) => Buffer.from(typeof v === "string" ? v : JSON.stringify(v)).toString("base64url");
const hmac = (data: string, k: Uint8Array = secret) => createHmac("sha256", k).update(data).digest("base64url");

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
/** The last character of a 32-byte signature carries 4 bits and 2 unused ones: the same bytes, another spelling. */
const nonCanonical = (c: string) => ALPHABET[ALPHABET.indexOf(c) | 1];

/** A token as ours are made (jose, HS256), with claims overridden or removed (undefined). */
async function token(claims: Partial<Record<keyof JWTPayload | "kind" | "sid", unknown>> = {}, header: Record<string, unknown> = { alg: "HS256" }, k: Uint8Array = secret) {
  const base: Record<string, unknown> = { kind: "staff", sid: "s1", sub: "u1", iss: "vendor-erp", aud: "vendor-erp-api", iat: now - 10, exp: now + 900, jti: "j1" };
  const payload = Object.fromEntries(Object.entries({ ...base, ...claims }).filter(([, v]) => v !== undefined));
  if (header.alg !== "HS256" || Object.keys(header).length > 1) {
    // jose will not sign some of these (alg none, crit): made by hand, signed with the key all the same.
    const signingInput = `${b64(header)}.${b64(payload)}`;
    return `${signingInput}.${hmac(signingInput, k)}`;
  }
  return new SignJWT(payload).setProtectedHeader({ alg: "HS256" }).sign(k);
}

describe("verifyAccessJwt", () => {
  it("accepts a token of ours and returns its claims", async () => {
    expect(verifyAccessJwt(await token(), key, now)).toMatchObject({ sub: "u1", kind: "staff", sid: "s1", exp: now + 900 });
    expect(verifyAccessJwt(await token({ aud: ["other", "vendor-erp-api"] }), key, now)).not.toBeNull();
  });

  it("refuses forged, altered and malformed tokens", async () => {
    const good = await token();
    const [h, p, s] = good.split(".");
    const otherKey = new TextEncoder().encode("another-secret-0123456789abcdef0123456789ab");
    const altered = b64({ ...JSON.parse(Buffer.from(p, "base64url").toString()), sub: "admin" });
    const cases: [string, string][] = [
      ["payload changed, old signature", `${h}.${altered}.${s}`],
      ["signed with another secret", await token({}, { alg: "HS256" }, otherKey)],
      ["signature cut short", `${h}.${p}.${s.slice(0, 20)}`],
      ["the right signature, spelt with unused bits set", `${h}.${p}.${s.slice(0, -1)}${nonCanonical(s.at(-1)!)}`],
      ["no signature", `${h}.${p}.`],
      ["alg none, no signature", `${b64({ alg: "none" })}.${p}.`],
      ["alg none, signed", await token({}, { alg: "none" })],
      ["alg HS512 in the header", await token({}, { alg: "HS512" })],
      ["a critical header parameter", await token({}, { alg: "HS256", crit: ["exp"], exp: 1 })],
      ["two parts", `${h}.${p}`],
      ["four parts", `${good}.${s}`],
      ["not base64url", `${h}.${p}+/.${s}`],
      ["padding", `${h}=.${p}.${s}`],
      ["header not JSON", (() => { const i = `${b64("not json")}.${p}`; return `${i}.${hmac(i)}`; })()],
      ["payload an array", (() => { const i = `${h}.${b64([1])}`; return `${i}.${hmac(i)}`; })()],
      ["empty", ""],
    ];
    for (const [what, t] of cases) expect(verifyAccessJwt(t, key, now), what).toBeNull();
  });

  it("refuses another issuer or audience, an expired token, one not valid yet and one without an expiry", async () => {
    const cases: [string, Partial<Record<string, unknown>>][] = [
      ["issuer", { iss: "someone-else" }],
      ["no issuer", { iss: undefined }],
      ["audience", { aud: "another-api" }],
      ["audience list without ours", { aud: ["a", "b"] }],
      ["no audience", { aud: undefined }],
      ["expired a second ago", { exp: now - 1 }],
      ["expiring this second", { exp: now }],
      ["expiry not a number", { exp: String(now + 900) }],
      ["no expiry", { exp: undefined }],
      ["not before later", { nbf: now + 60 }],
      ["not before not a number", { nbf: "soon" }],
      ["issued-at not a number", { iat: "now" }],
    ];
    for (const [what, claims] of cases) expect(verifyAccessJwt(await token(claims), key, now), what).toBeNull();
    expect(verifyAccessJwt(await token({ exp: now + 1, nbf: now }), key, now)).not.toBeNull();
  });

  it("accepts a token only where jose's jwtVerify does (jose's checks, at the same moment)", async () => {
    const tokens = [
      await token(),
      await token({ aud: ["x", "vendor-erp-api"] }),
      await token({ exp: now - 1 }),
      await token({ exp: now }),
      await token({ exp: now + 1 }),
      await token({ nbf: now + 5 }),
      await token({ nbf: now }),
      await token({ iss: "x" }),
      await token({ aud: "x" }),
      await token({}, { alg: "HS256" }, new TextEncoder().encode("another-secret-0123456789abcdef0123456789ab")),
      await token({}, { alg: "HS384" }),
      await token({}, { alg: "HS256", typ: "JWT" }),
    ];
    const jose = async (t: string) => {
      try {
        await jwtVerify(t, secret, { issuer: "vendor-erp", audience: "vendor-erp-api", algorithms: ["HS256"], currentDate: new Date(now * 1000) });
        return true;
      } catch {
        return false;
      }
    };
    for (const t of tokens) expect(verifyAccessJwt(t, key, now) !== null, t).toBe(await jose(t));
  });
});

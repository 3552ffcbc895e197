// Every API request verifies its bearer token. This times the two ways on this machine, one after the
// other in one process: jose's jwtVerify (a WebCrypto HMAC job, handed to libuv's thread pool and back)
// and verifyAccessJwt (lib/auth/tokens.ts: node:crypto's HMAC on the calling thread), over the same
// token; printed per way: wall and CPU µs per verify (user + system, all of the process's threads).
//
//   npx tsx --conditions=react-server bench/token-verify.ts
// Env: CALLS (20,000), RESULTS_NAME (token-verify). No database.
import { jwtVerify, SignJWT } from "jose";
import { round } from "./lib/load";
import os from "node:os";
import { loadAverage, writeResults } from "./lib/stats";

const CALLS = Number(process.env.CALLS ?? 20_000);

async function main() {
  const { verifyAccessJwt } = await import("../lib/auth/tokens");
  const raw = new TextEncoder().encode("bench-secret-0123456789abcdef0123456789abcdef");
  const key = await crypto.subtle.importKey("raw", raw, { name: "HMAC", hash: "SHA-256" }, false, ["sign", "verify"]);
  const token = await new SignJWT({ kind: "staff", cid: "c1", sid: "s1" })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject("u1")
    .setIssuer("vendor-erp")
    .setAudience("vendor-erp-api")
    .setIssuedAt()
    .setExpirationTime("15m")
    .sign(key);
  const bytes = Buffer.from(raw);
  const ways: Record<string, () => Promise<unknown> | unknown> = {
    "jose jwtVerify (WebCrypto)": () => jwtVerify(token, key, { issuer: "vendor-erp", audience: "vendor-erp-api", algorithms: ["HS256"] }),
    "verifyAccessJwt (node:crypto)": () => {
      if (!verifyAccessJwt(token, bytes, Math.floor(Date.now() / 1000))) throw new Error("refused a good token");
    },
  };
  const results: Record<string, { calls: number; wallUsPerCall: number; cpuUsPerCall: number }> = {};
  for (const [name, verify] of Object.entries(ways)) {
    for (let i = 0; i < CALLS / 10; i++) await verify();
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    for (let i = 0; i < CALLS; i++) await verify();
    const wall = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    results[name] = { calls: CALLS, wallUsPerCall: round((wall * 1000) / CALLS), cpuUsPerCall: round((cpu.user + cpu.system) / CALLS) };
    console.log(`${name.padEnd(30)} wall ${results[name].wallUsPerCall} µs, CPU ${results[name].cpuUsPerCall} µs per verify`);
  }
  const file = writeResults(process.env.RESULTS_NAME ?? "token-verify", { at: new Date().toISOString(), machine: { node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? null, loadAverage: loadAverage() }, setup: { calls: CALLS, token: "HS256, our claims" }, results });
  console.log(`written: ${file}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

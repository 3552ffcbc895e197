// The JavaScript a cold visit to one page downloads, as the browser counts it: every script response's
// compressed bytes on the wire (DevTools protocol, cache off), the shared framework chunks included.
import type { BrowserContext } from "playwright";

export type ScriptWeight = { path: string; scripts: number; compressedKB: number; uncompressedKB: number; largest: { url: string; kb: number }[] };

const kb = (n: number) => Math.round(n / 102.4) / 10;

export async function scriptWeight(context: BrowserContext, url: string, path = new URL(url).pathname): Promise<ScriptWeight> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  const scripts = new Map<string, { url: string; encoded: number; decoded: number }>();
  cdp.on("Network.responseReceived", (e) => {
    if (e.type === "Script") scripts.set(e.requestId, { url: e.response.url, encoded: 0, decoded: 0 });
  });
  cdp.on("Network.dataReceived", (e) => {
    const s = scripts.get(e.requestId);
    if (s) s.decoded += e.dataLength;
  });
  cdp.on("Network.loadingFinished", (e) => {
    const s = scripts.get(e.requestId);
    if (s) s.encoded = e.encodedDataLength;
  });
  await page.goto(url, { waitUntil: "networkidle" });
  await page.close();
  const all = [...scripts.values()];
  return {
    path,
    scripts: all.length,
    compressedKB: kb(all.reduce((t, s) => t + s.encoded, 0)),
    uncompressedKB: kb(all.reduce((t, s) => t + s.decoded, 0)),
    largest: all.sort((a, b) => b.encoded - a.encoded).slice(0, 5).map((s) => ({ url: new URL(s.url).pathname, kb: kb(s.encoded) })),
  };
}

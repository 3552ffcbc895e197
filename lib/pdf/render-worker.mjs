// One worker thread of lib/pdf/render-pool.ts. It loads the renderers (TypeScript, compiled on load by
// tsx, with the react-server condition the pool starts it with) and renders what the pool posts, one
// message at a time (the pool sends a thread its next render only after the answer), answering
// { bytes } or { error }.
import { fileURLToPath } from "node:url";
import { parentPort } from "node:worker_threads";
import { register } from "tsx/esm/api";

register({ tsconfig: fileURLToPath(new URL("../../tsconfig.json", import.meta.url)) });
const { renderers } = await import("./renderers.ts");
const { fromTransfer } = await import("./transfer.ts");

parentPort.on("message", async ({ kind, args }) => {
  try {
    const render = renderers[kind];
    if (!render) throw new Error(`no PDF renderer "${kind}"`);
    const bytes = await render(...fromTransfer(args));
    // A copy of its own, so the whole ArrayBuffer can move to the pool without a second copy.
    const own = new Uint8Array(bytes);
    parentPort.postMessage({ bytes: own }, [own.buffer]);
  } catch (err) {
    parentPort.postMessage({ error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  }
});

// The integration suite holds every route to the OpenAPI document. The integration project's Vite
// plugin (tests/support/route-contract-plugin.ts) wraps each exported handler of app/api/**/route.ts
// in `checkedRoute`, so every answer a test receives — through call(), the fuzz or a hand-made
// Request — is checked against the operation of that route (tests/support/openapi-contract.ts).
// Mismatches are collected and fail the test that received them (tests/support/setup-env.ts), with
// the operation, the status and the JSON path that does not match.
import { appendFileSync } from "node:fs";
import { expect } from "vitest";

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Mismatch = { test: string | undefined; message: string };

const found: Mismatch[] = [];
const pending = new Set<Promise<void>>();

export function checkedRoute(method: string, template: string, handler: Handler): Handler {
  return async (req, ctx) => {
    const res = await handler(req, ctx);
    if (req.method === "HEAD") return res;
    const test = currentTest();
    // Read a copy of the body: the test gets the answer as the route gave it, stream and all.
    const copy = res.clone();
    const check = (async () => {
      const params = (await ctx?.params) ?? {};
      // Loaded on the first answer: the OpenAPI document is built from every route's schemas, which a
      // test file that calls no route (most of the domain tests) need not pay for.
      const { checkAnswer, checkProblem, locateOperation } = await import("./openapi-contract");
      const located = locateOperation(method, template, params);
      const body = await copy.text();
      record(located?.path ?? template, method, res.status);
      if (!located) {
        // A dynamic folder given a value the document does not know (an unknown action) must refuse it as a problem.
        const refused = res.status >= 400 && res.status < 500 && checkProblem({ status: res.status, contentType: res.headers.get("content-type"), body }).length === 0;
        if (!refused) found.push({ test, message: `${method} ${template} (params ${JSON.stringify(params)}) → ${res.status}: no operation of the OpenAPI document answers this, and it is not refused as problem+json` });
        return;
      }
      for (const message of checkAnswer(located, { status: res.status, contentType: res.headers.get("content-type"), body })) found.push({ test, message });
      recordFields(located.path, method, res.status, res.headers.get("content-type"), body);
    })().catch((err: unknown) => {
      found.push({ test, message: `${method} ${template} → ${res.status}: the check itself failed: ${String((err as Error)?.stack ?? err)}` });
    });
    pending.add(check);
    void check.finally(() => pending.delete(check));
    return res;
  };
}

/** Waits for the checks still reading bodies, then hands over (and forgets) what they found. */
export async function takeContractMismatches(): Promise<Mismatch[]> {
  while (pending.size) await Promise.all([...pending]);
  const out = found.splice(0);
  const report = process.env.CONTRACT_REPORT;
  if (report && out.length) appendFileSync(report, out.map((m) => JSON.stringify({ file: expect.getState().testPath, ...m })).join("\n") + "\n");
  return out;
}

export function contractFailure(mismatches: Mismatch[]) {
  const lines = [...new Set(mismatches.map((m) => m.message))];
  return new Error(`${lines.length} answer(s) do not match the OpenAPI document:\n  - ${lines.join("\n  - ")}`);
}

function currentTest() {
  try {
    return expect.getState().currentTestName;
  } catch {
    return undefined;
  }
}

/** CONTRACT_SEEN=<file> lists the operations and statuses the suite exercised, to see what no test reaches. */
function record(path: string, method: string, status: number) {
  const seen = process.env.CONTRACT_SEEN;
  if (seen) appendFileSync(seen, `${method.toUpperCase()} ${path} ${status}\n`);
}

/**
 * CONTRACT_FIELDS=<file> lists the JSON paths each answer held (lines[].quantity), to see which fields
 * of the document no test ever received (an empty list checks nothing about its items).
 */
function recordFields(path: string, method: string, status: number, contentType: string | null, body: string) {
  const file = process.env.CONTRACT_FIELDS;
  if (!file || !contentType?.startsWith("application/json") || !body) return;
  const paths = new Set<string>();
  const walk = (v: unknown, at: string) => {
    if (Array.isArray(v)) return v.forEach((x) => walk(x, `${at}[]`));
    if (v && typeof v === "object") {
      for (const [k, x] of Object.entries(v)) {
        paths.add(`${at}.${k}`);
        walk(x, `${at}.${k}`);
      }
    }
  };
  walk(JSON.parse(body), "");
  if (paths.size) appendFileSync(file, [...paths].map((p) => `${method.toUpperCase()} ${path} ${status} ${p}`).join("\n") + "\n");
}

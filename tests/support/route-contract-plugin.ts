// A Vite plugin for the integration project: each route module under app/api/v1, app/api/webhooks and
// app/api/payments exports its handlers wrapped in checkedRoute (tests/support/route-contract.ts), so
// every answer the suite receives is checked against the OpenAPI document. Only the test build is
// changed; `next build` never sees this. Line numbers stay as they were (the import goes last).
import path from "node:path";
import type { Plugin } from "vite";

const CHECKER = path.resolve(import.meta.dirname, "route-contract.ts");
const HANDLERS = /export\s+(const|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g;

export function routeContract(): Plugin {
  return {
    name: "route-contract",
    enforce: "pre",
    transform(code, id) {
      const file = id.split("?")[0].split(path.sep).join("/");
      const m = /\/app(\/api\/(?:v1|webhooks|payments)\/.*)\/route\.ts$/.exec(file);
      if (!m) return null;
      const template = m[1].replace(/\[(\w+)\]/g, "{$1}");
      const methods: string[] = [];
      const renamed = code.replace(HANDLERS, (_, kind: string, method: string) => {
        methods.push(method);
        return `${kind} __route_${method}`;
      });
      if (!methods.length) return null;
      const exports = methods.map((method) => `export const ${method} = __checkedRoute(${JSON.stringify(method)}, ${JSON.stringify(template)}, __route_${method});`).join(" ");
      return { code: `${renamed}\nimport { checkedRoute as __checkedRoute } from ${JSON.stringify(CHECKER)}; ${exports}\n`, map: null };
    },
  };
}

import path from "node:path";
import { defineConfig } from "vitest/config";
import { routeContract } from "./tests/support/route-contract-plugin.ts";

const alias = {
  "@": import.meta.dirname,
  "server-only": path.resolve(import.meta.dirname, "tests/support/empty.ts"),
};

// The unit files share one process (and its warm JIT), one file after another: 35 s → 17 s measured.
// These set the environment for themselves, so each runs in a process of its own (`--project 'unit*'`
// runs both groups). The integration files keep a fresh process each: sharing one halved their time
// (500 s → 268 s), but a bulk-insert test then ran past its 120 s timeout in one of four full runs (on
// the embedded PostgreSQL only; 4–6 s elsewhere), and the cause was not found.
const UNIT_OWN_PROCESS = [
  "tests/unit/outbox-access.test.ts",
  "tests/unit/payment-sandbox-switch.test.ts",
  "tests/unit/proxy.test.ts",
  "tests/unit/sandbox-pay-fields.test.ts",
  "tests/unit/trusted-proxies-env.test.ts",
];

const integration = {
  resolve: { alias },
  // Every answer a route gives in this project is checked against the OpenAPI document.
  plugins: [routeContract()],
  test: {
    include: ["tests/integration/**/*.test.ts"],
    environment: "node" as const,
    globalSetup: ["tests/support/global-setup.ts"],
    setupFiles: ["tests/support/setup-env.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: "forks" as const,
    // next-auth imports "next/server" without an extension; let Vite resolve it.
    server: { deps: { inline: ["next-auth"] } },
    name: "integration",
  },
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      // The property tests (thousands of random invoices, every amount to 2 lakh) take 1–2 s alone and
      // several times that while the integration project and the database share the two cores.
      { resolve: { alias }, test: { name: "unit", include: ["tests/unit/**/*.test.ts"], exclude: UNIT_OWN_PROCESS, isolate: false, environment: "node", testTimeout: 30_000 } },
      { resolve: { alias }, test: { name: "unit-own-process", include: UNIT_OWN_PROCESS, environment: "node", testTimeout: 30_000 } },
      integration,
    ],
  },
});

import path from "node:path";
import { defineConfig } from "vitest/config";
import { routeContract } from "./tests/support/route-contract-plugin.ts";

const alias = {
  "@": import.meta.dirname,
  "server-only": path.resolve(import.meta.dirname, "tests/support/empty.ts"),
};

// The integration files share one process (and its warm JIT, Prisma client and pool), one file after
// another: measured, the suite took 268 s that way against ~500 s with a fresh process per file. The
// files below set the environment (their own database, NODE_ENV, proxies, pool sizes) or fake the
// clock for the whole file before importing the app, so each runs in a process of its own
// (`--project 'integration*'` runs both groups).
const OWN_PROCESS = [
  "tests/integration/api-fuzz.test.ts",
  "tests/integration/backup.test.ts",
  "tests/integration/durability.test.ts",
  "tests/integration/gst-numbering-last.test.ts",
  "tests/integration/health-ready.test.ts",
  "tests/integration/invoice-numbering.test.ts",
  "tests/integration/orders-concurrency.test.ts",
  "tests/integration/orders-placing-concurrency.test.ts",
  "tests/integration/payment-gateway-webhook-door.test.ts",
  "tests/integration/pdf-render-pool.test.ts",
  "tests/integration/reservations.test.ts",
  "tests/integration/sql-runner.test.ts",
  "tests/integration/trusted-proxy.test.ts",
];

// Likewise the unit files (35 s → 15 s measured), but for these, which set the environment.
const UNIT_OWN_PROCESS = [
  "tests/unit/outbox-access.test.ts",
  "tests/unit/payment-sandbox-switch.test.ts",
  "tests/unit/proxy.test.ts",
  "tests/unit/sandbox-pay-fields.test.ts",
  "tests/unit/trusted-proxies-env.test.ts",
];

const integration = (test: { name: string; include?: string[]; exclude?: string[]; isolate?: boolean }) => ({
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
    ...test,
  },
});

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      // The property tests (thousands of random invoices, every amount to 2 lakh) take 1–2 s alone and
      // several times that while the integration project and the database share the two cores.
      { resolve: { alias }, test: { name: "unit", include: ["tests/unit/**/*.test.ts"], exclude: UNIT_OWN_PROCESS, isolate: false, environment: "node", testTimeout: 30_000 } },
      { resolve: { alias }, test: { name: "unit-own-process", include: UNIT_OWN_PROCESS, environment: "node", testTimeout: 30_000 } },
      integration({ name: "integration", exclude: OWN_PROCESS, isolate: false }),
      integration({ name: "integration-own-process", include: OWN_PROCESS }),
    ],
  },
});

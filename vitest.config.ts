import path from "node:path";
import { defineConfig } from "vitest/config";
import { routeContract } from "./tests/support/route-contract-plugin.ts";

const alias = {
  "@": import.meta.dirname,
  "server-only": path.resolve(import.meta.dirname, "tests/support/empty.ts"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      // The property tests (thousands of random invoices, every amount to 2 lakh) take 1–2 s alone and
      // several times that while the integration project and the database share the two cores.
      { resolve: { alias }, test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node", testTimeout: 30_000 } },
      {
        resolve: { alias },
        // Every answer a route gives in this project is checked against the OpenAPI document.
        plugins: [routeContract()],
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/support/global-setup.ts"],
          setupFiles: ["tests/support/setup-env.ts"],
          testTimeout: 30_000,
          hookTimeout: 120_000,
          pool: "forks",
          // next-auth imports "next/server" without an extension; let Vite resolve it.
          server: { deps: { inline: ["next-auth"] } },
        },
      },
    ],
  },
});

// The demo catalogs give products lead times a distributor would recognise (their supplier's, or
// their own where they differ) and leave some empty, so the reorder report shows both kinds.
import { describe, expect, it } from "vitest";
import { leadTimeDaysSchema } from "@/lib/catalog/catalog.schemas";
import { kcdb } from "@/scripts/demo-catalog/kcdb";
import { nvrt } from "@/scripts/demo-catalog/nvrt";
import { sgaf } from "@/scripts/demo-catalog/sgaf";
import { demoLeadTime } from "@/scripts/demo-catalog/types";

const lead = (c: typeof sgaf, sku: string) => demoLeadTime(c, c.products.find((p) => p.sku === sku)!);

describe("demo lead times", () => {
  it.each([sgaf, nvrt, kcdb])("$company: every product names a known supplier; lead times are valid; some own, some empty", (c) => {
    const keys = new Set(c.suppliers.map((s) => s.key));
    for (const p of c.products) expect(keys.has(p.supplier), `${p.sku} → ${p.supplier}`).toBe(true);
    const active = c.products.filter((p) => p.active !== false).map((p) => demoLeadTime(c, p));
    for (const d of active) if (d !== null) expect(leadTimeDaysSchema.parse(d)).toBe(d);
    const own = active.filter((d): d is number => d !== null);
    expect(own.length).toBeGreaterThan(active.length / 2);
    expect(active.filter((d) => d === null).length).toBeGreaterThan(0);
    expect(new Set(own).size).toBeGreaterThanOrEqual(4);
  });

  it("near suppliers are quick, far and made-to-order ones slow; a product's own value wins over its supplier's", () => {
    expect(lead(sgaf, "SG-NM-BKW-250")).toBe(2); // own farsan unit
    expect(lead(sgaf, "SG-TE-250")).toBe(12); // Nilgiris
    expect(lead(sgaf, "SG-MS-GRM-100")).toBeNull(); // masala works: report default
    expect(lead(sgaf, "SG-KH-MET-200")).toBeNull(); // new launch: bakery has 3, the product none yet
    expect(lead(nvrt, "NV-BL-MNK-DBL")).toBe(21); // imported ply; Panipat's own goods take 10
    expect(lead(nvrt, "NV-BL-FLC-SGL")).toBe(10);
    expect(lead(kcdb, "KV-RC-BSM-1K")).toBe(12); // basmati via the rice mill (6)
    expect(lead(kcdb, "KV-SD-CLA-2L")).toBe(2); // Bidadi plant
    expect(lead(kcdb, "KV-DT-DHV-1K")).toBe(5); // brand's C&F
  });
});

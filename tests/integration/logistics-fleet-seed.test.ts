// The demo fleet seeds once per vendor: five vehicles (one hired, one PUC lapsing in 9 days), two DRIVER
// employees and one external driver, a shipping sandbox account, and today's reminder for the PUC.
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { createWarehouse } from "../support/catalog-factories";
import { createStaff, tenant } from "../support/factories";
import { seedLogisticsFleet } from "@/scripts/demo-catalog/seed-logistics-fleet";

describe("demo fleet", () => {
  it("seeds vehicles, drivers and a sandbox account once, with the PUC badge and its reminder", async () => {
    const t = await tenant();
    await createWarehouse(t.company.id, { code: "CHK" });
    await createWarehouse(t.company.id, { code: "NSK" });
    const rahul = await createStaff(t.company.id, "DRIVER", { name: "Rahul Jadhav" });
    const sachin = await createStaff(t.company.id, "DRIVER", { name: "Sachin More" });
    const ids = {
      companyIds: new Map([["SGAF", t.company.id]]),
      userIds: new Map([["owner@shreeganesh.example", t.user.id], ["rahul.jadhav@shreeganesh.example", rahul.user.id], ["sachin.more@shreeganesh.example", sachin.user.id]]),
      retailerIds: new Map<string, string>(),
    };
    await seedLogisticsFleet(prisma, ids);
    await seedLogisticsFleet(prisma, ids);
    const vehicles = await prisma.vehicle.findMany({ where: { companyId: t.company.id }, orderBy: { registrationNo: "asc" } });
    expect(vehicles.map((v) => [v.registrationNo, v.ownership])).toEqual([
      ["23BH4412C", "OWN"],
      ["KA51AB7719", "HIRED"],
      ["MH12TR4521", "OWN"],
      ["MH14GU8830", "OWN"],
      ["MH15HM2207", "OWN"],
    ]);
    const drivers = await prisma.driver.findMany({ where: { companyId: t.company.id }, orderBy: { name: "asc" } });
    expect(drivers.map((d) => [d.name, d.userId])).toEqual([
      ["Mahesh Gowda", null],
      ["Rahul Jadhav", rahul.user.id],
      ["Sachin More", sachin.user.id],
    ]);
    expect(await prisma.shippingAccount.count({ where: { companyId: t.company.id, provider: "SANDBOX" } })).toBe(1);
    const notes = await prisma.notification.findMany({ where: { companyId: t.company.id, event: "fleet.document_expiry" } });
    expect(notes.map((n) => [n.userId, n.title])).toEqual([[t.user.id, "PUC certificate of MH12TR4521 (Tata Ace Gold) expires soon"]]);
  });
});

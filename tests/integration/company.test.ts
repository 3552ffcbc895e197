import { describe, expect, it } from "vitest";
import { getCompanyOrThrow } from "@/lib/company/get-company";
import { updateCompany } from "@/lib/company/update-company";
import { prisma } from "@/lib/db/client";
import { makeGstin } from "@/lib/demo/gstin-fixtures";
import { createRetailerUser, createStaff, tenant } from "../support/factories";

describe("company profile", () => {
  it("reads the acting company with its state name", async () => {
    const t = await tenant();
    const view = await getCompanyOrThrow(t.ctx);
    expect(view.id).toBe(t.company.id);
    expect(view.stateName).toBe("Maharashtra");
    expect(view).not.toHaveProperty("logo");
  });

  it("updates fields, derives the state from a new GSTIN and writes an audit row", async () => {
    const t = await tenant();
    const gstin = makeGstin("29", "AABCK1234M");
    const view = await updateCompany(t.ctx, { tradeName: "Kaveri Foods", gstin, pan: "AABCK1234M", city: "Bengaluru", pincode: "560001" });
    expect(view.stateCode).toBe("29");
    expect(view.stateName).toBe("Karnataka");
    const row = await prisma.company.findUniqueOrThrow({ where: { id: t.company.id } });
    expect(row).toMatchObject({ tradeName: "Kaveri Foods", gstin, stateCode: "29", city: "Bengaluru" });
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { companyId: t.company.id, action: "company.update" } });
    expect(audit.actorUserId).toBe(t.user.id);
    expect(audit.before).toMatchObject({ tradeName: null, stateCode: "27" });
    expect(audit.after).toMatchObject({ tradeName: "Kaveri Foods", stateCode: "29" });
  });

  it("rejects a GSTIN with a wrong check digit, naming the field and the expected digit, and changes nothing", async () => {
    const t = await tenant();
    const good = makeGstin("27", "AABCS1234K");
    const bad = good.slice(0, 14) + (good[14] === "A" ? "B" : "A");
    await expect(updateCompany(t.ctx, { gstin: bad })).rejects.toMatchObject({ code: "validation", fieldErrors: { gstin: [`GSTIN check digit is wrong (expected ${good[14]})`] } });
    const row = await prisma.company.findUniqueOrThrow({ where: { id: t.company.id } });
    expect(row.gstin).toBe(t.company.gstin);
  });

  it("rejects a state or PAN that disagrees with the GSTIN", async () => {
    const t = await tenant();
    const gstin = makeGstin("24", "AABCG4321Q");
    await expect(updateCompany(t.ctx, { gstin, stateCode: "27" })).rejects.toMatchObject({ code: "validation", fieldErrors: { stateCode: [expect.stringContaining("Gujarat")] } });
    await expect(updateCompany(t.ctx, { gstin, pan: "AABCG9999Q" })).rejects.toMatchObject({ fieldErrors: { pan: ["PAN must be AABCG4321Q, as in the GSTIN"] } });
  });

  it("rejects unknown fields by name, bad PIN codes and blank required fields", async () => {
    const t = await tenant();
    await expect(updateCompany(t.ctx, { legalName: "X", foo: 1 })).rejects.toMatchObject({ code: "validation", fieldErrors: { foo: ["Unknown field"] } });
    await expect(updateCompany(t.ctx, { pincode: "011000" })).rejects.toMatchObject({ fieldErrors: { pincode: [expect.stringContaining("6 digits")] } });
    await expect(updateCompany(t.ctx, { legalName: "  " })).rejects.toMatchObject({ fieldErrors: { legalName: ["Legal name is required"] } });
  });

  it("refuses a GSTIN another company already has, as a conflict on the field", async () => {
    const a = await tenant();
    const b = await tenant();
    await expect(updateCompany(b.ctx, { gstin: a.company.gstin })).rejects.toMatchObject({ code: "conflict", fieldErrors: { gstin: [expect.any(String)] } });
  });

  it("lets only roles with company.write change the profile", async () => {
    const t = await tenant();
    for (const role of ["SALES", "MANAGER", "WAREHOUSE", "ACCOUNTANT", "DRIVER"] as const) {
      const s = await createStaff(t.company.id, role);
      await expect(updateCompany(s.ctx, { tradeName: "Nope" })).rejects.toMatchObject({ code: "forbidden" });
      await expect(getCompanyOrThrow(s.ctx)).resolves.toMatchObject({ id: t.company.id });
    }
    const admin = await createStaff(t.company.id, "ADMIN");
    await expect(updateCompany(admin.ctx, { tradeName: "Yes" })).resolves.toMatchObject({ tradeName: "Yes" });
  });

  it("keeps tenants apart: each actor only ever reads and writes its own company", async () => {
    const a = await tenant();
    const b = await tenant();
    await updateCompany(b.ctx, { tradeName: "B only" });
    expect((await getCompanyOrThrow(a.ctx)).tradeName).toBeNull();
    const r = await createRetailerUser();
    await expect(getCompanyOrThrow(r.ctx)).rejects.toMatchObject({ code: "forbidden" });
  });
});

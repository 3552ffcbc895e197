// Builds fresh, isolated tenants per test: every call makes new companies and users with unique
// emails, so tests never depend on each other's rows and can run repeatedly on one database.
import { randomUUID } from "node:crypto";
import type { Actor, StaffActor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { makeCtx, type Ctx } from "@/lib/ctx";
import { prisma } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { makeGstin } from "@/lib/demo/gstin-fixtures";

export const PASSWORD = "Secret@123";
let passwordHash: Promise<string> | undefined;
const hash = () => (passwordHash ??= hashPassword(PASSWORD));

const uid = () => randomUUID().slice(0, 8);

/** A random PAN (4th letter: C company, F firm, P person); 26⁴ × 10⁴ of them, so tests do not collide. */
export function randomPan(kind = "C") {
  const L = () => String.fromCharCode(65 + Math.floor(Math.random() * 26));
  return `${L()}${L()}${L()}${kind}${L()}${String(Math.floor(Math.random() * 10000)).padStart(4, "0")}${L()}`;
}

export async function createCompany(overrides: { stateCode?: string; name?: string } = {}) {
  const stateCode = overrides.stateCode ?? "27";
  const pan = randomPan();
  const id = uid();
  return prisma.company.create({
    data: {
      code: `T${id}`.toUpperCase(),
      legalName: overrides.name ?? `Test Traders ${id} Pvt. Ltd.`,
      gstin: makeGstin(stateCode, pan),
      pan,
      stateCode,
      addressLine1: "12, MIDC Industrial Area",
      city: "Pune",
      pincode: "411019",
    },
  });
}

export async function createStaff(companyId: string, role: Role = "OWNER", opts: { active?: boolean; name?: string } = {}) {
  const email = `staff-${uid()}@test.example`;
  const user = await prisma.user.create({ data: { email, name: opts.name ?? `Staff ${role}`, kind: "STAFF", passwordHash: await hash() } });
  const membership = await prisma.membership.create({ data: { companyId, userId: user.id, role, active: opts.active ?? true } });
  const actor: StaffActor = { kind: "staff", userId: user.id, email, name: user.name, companyId, role };
  return { user, membership, actor, ctx: makeCtx(actor) };
}

export async function createRetailerUser() {
  const id = uid();
  const pan = randomPan("F");
  const retailer = await prisma.retailer.create({
    data: { legalName: `Test Kirana ${id}`, gstin: makeGstin("27", pan), pan, stateCode: "27", addressLine1: "Shop 4, Main Road", city: "Nashik", pincode: "422001" },
  });
  const email = `retailer-${id}@test.example`;
  const user = await prisma.user.create({ data: { email, name: "Retail Owner", kind: "RETAILER", passwordHash: await hash() } });
  await prisma.retailerMembership.create({ data: { retailerId: retailer.id, userId: user.id, role: "OWNER" } });
  const actor: Actor = { kind: "retailer", userId: user.id, email, name: user.name, retailerId: retailer.id };
  return { retailer, user, actor, ctx: makeCtx(actor) };
}

/** A company with an owner, ready to act. */
export async function tenant(role: Role = "OWNER") {
  const company = await createCompany();
  const staff = await createStaff(company.id, role);
  return { company, ...staff };
}

export function ctxFor(actor: Actor, now?: Date): Ctx {
  return makeCtx(actor, now ? { now: () => now } : {});
}

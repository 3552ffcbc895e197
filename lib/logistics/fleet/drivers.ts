import "server-only";
// Drivers: an employee (a staff user of the company, who signs in to the driver pages) or an external
// driver of a hired transporter; licence number and expiry, and a mobile number.
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/ctx";
import { AppError, notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { createDriverInput, fleetStatusAction, listFleetInput, updateDriverInput } from "@/lib/logistics/fleet/fleet.schemas";
import { toDriverView, type DriverView } from "@/lib/logistics/fleet/views";
import { addEmployee } from "@/lib/people/add-employee";
import { parseInput } from "@/lib/validation";

const include = { user: { select: { email: true, name: true } } } as const;

export async function listDrivers(ctx: Ctx, input: unknown = {}): Promise<{ items: DriverView[] }> {
  assertCan(ctx.actor, "logistics.read");
  const q = parseInput(listFleetInput, input);
  const rows = await ctx.db.driver.findMany({
    where: {
      companyId: ctx.actor.companyId,
      ...(q.status === "all" ? {} : { active: q.status === "active" }),
      ...(q.q ? { OR: [{ name: { contains: q.q, mode: "insensitive" } }, { phone: { contains: q.q.replace(/\D/g, "") || q.q } }, { licenceNo: { contains: q.q.toUpperCase().replace(/[\s-]/g, "") } }] } : {}),
    },
    include,
    orderBy: [{ active: "desc" }, { name: "asc" }],
    take: 500,
  });
  const items = rows.map((d) => toDriverView(d, ctx.now()));
  return { items: q.attention === "true" ? items.filter((d) => d.documentStatus !== "ok") : items };
}

export async function getDriverOrThrow(ctx: Ctx, id: string): Promise<DriverView> {
  assertCan(ctx.actor, "logistics.read");
  const d = await ctx.db.driver.findFirst({ where: { id: String(id), companyId: ctx.actor.companyId }, include });
  if (!d) throw notFound("Driver");
  return toDriverView(d, ctx.now());
}

/**
 * Adds a driver. With `userId`, an existing staff member of the company; with `inviteEmail`, a new
 * employee with the DRIVER role is added first through addEmployee (who may add employees decides);
 * otherwise an external driver of `transporterName`.
 */
export async function createDriver(ctx: Ctx, input: unknown): Promise<DriverView> {
  assertCan(ctx.actor, "logistics.write");
  const data = parseInput(createDriverInput, input);
  const companyId = ctx.actor.companyId;
  // Checked before an invitation goes out, so a refused driver leaves no new employee behind.
  await assertLicenceFree(ctx.db, companyId, data.licenceNo);
  let userId = data.userId ?? null;
  let name = data.name ?? null;
  if (userId) {
    const m = await ctx.db.membership.findFirst({ where: { companyId, userId, active: true }, include: { user: { select: { name: true } } } });
    if (!m) throw new AppError("validation", "Invalid input: userId", { fieldErrors: { userId: ["No active staff member of this company has this id"] } });
    name ??= m.user.name;
    if (await ctx.db.driver.findFirst({ where: { companyId, userId }, select: { id: true } })) throw new AppError("conflict", "This staff member is already a driver", { fieldErrors: { userId: ["Already a driver of this company"] } });
  } else if (data.inviteEmail) {
    try {
      const employee = await addEmployee(ctx, { name: name!, email: data.inviteEmail, phone: data.phone, role: "DRIVER", title: "Driver" });
      userId = employee.userId;
    } catch (err) {
      if (err instanceof AppError && err.fieldErrors?.email) throw new AppError(err.code, err.message, { fieldErrors: { inviteEmail: err.fieldErrors.email } });
      throw err;
    }
  }
  return uniqueDriver(() =>
    ctx.db.$transaction(async (tx) => {
      const d = await tx.driver.create({
        data: { companyId, userId, name: name!, phone: data.phone, licenceNo: data.licenceNo, licenceExpiry: day(data.licenceExpiry), transporterName: userId ? null : (data.transporterName ?? null) },
        include,
      });
      const view = toDriverView(d, ctx.now());
      await recordAudit(ctx, tx, { action: "driver.create", entityType: "Driver", entityId: d.id, after: auditOf(view) });
      return view;
    }),
  );
}

export async function updateDriver(ctx: Ctx, id: string, input: unknown): Promise<DriverView> {
  assertCan(ctx.actor, "logistics.write");
  const data = parseInput(updateDriverInput, input);
  if (Object.keys(data).length === 0) throw new AppError("validation", "Nothing to change", { fieldErrors: { _: ["Send at least one field to change"] } });
  const companyId = ctx.actor.companyId;
  return uniqueDriver(() =>
    ctx.db.$transaction(async (tx) => {
      const before = await tx.driver.findFirst({ where: { id: String(id), companyId }, include });
      if (!before) throw notFound("Driver");
      if (before.userId && data.transporterName) throw new AppError("validation", "Invalid input: transporterName", { fieldErrors: { transporterName: ["An employee driver has no transporter"] } });
      if (!before.userId && "transporterName" in data && !data.transporterName) throw new AppError("validation", "Invalid input: transporterName", { fieldErrors: { transporterName: ["An external driver needs the transporter they drive for"] } });
      const after = await tx.driver.update({
        where: { id: before.id, companyId },
        data: { name: data.name, phone: data.phone, licenceNo: data.licenceNo, licenceExpiry: day(data.licenceExpiry), transporterName: data.transporterName },
        include,
      });
      const view = toDriverView(after, ctx.now());
      await recordAudit(ctx, tx, { action: "driver.update", entityType: "Driver", entityId: before.id, before: auditOf(toDriverView(before, ctx.now())), after: auditOf(view) });
      return view;
    }),
  );
}

export async function setDriverActive(ctx: Ctx, id: string, action: unknown): Promise<DriverView> {
  assertCan(ctx.actor, "logistics.write");
  const active = parseInput(fleetStatusAction, action) === "activate";
  const companyId = ctx.actor.companyId;
  return ctx.db.$transaction(async (tx) => {
    const d = await tx.driver.findFirst({ where: { id: String(id), companyId } });
    if (!d) throw notFound("Driver");
    const moved = await tx.driver.updateMany({ where: { id: d.id, companyId, active: !active }, data: { active } });
    if (moved.count === 0) throw new AppError("invalid_transition", `${d.name} is already ${active ? "active" : "inactive"}`, { details: { state: active ? "active" : "inactive" } });
    await recordAudit(ctx, tx, { action: active ? "driver.activate" : "driver.deactivate", entityType: "Driver", entityId: d.id, before: { active: !active }, after: { active } });
    return toDriverView(await tx.driver.findUniqueOrThrow({ where: { id: d.id }, include }), ctx.now());
  });
}

function day(v: string | null | undefined) {
  return v === undefined ? undefined : v === null ? null : new Date(`${v}T00:00:00Z`);
}

async function assertLicenceFree(db: Ctx["db"], companyId: string, licenceNo: string) {
  const taken = await db.driver.findFirst({ where: { companyId, licenceNo }, select: { id: true } });
  if (taken) throw new AppError("conflict", "Another driver already has this licence number", { fieldErrors: { licenceNo: ["Already used by another driver of this company"] } });
}

function auditOf(d: DriverView) {
  const { warnings: _w, documentStatus: _s, createdAt: _c, updatedAt: _u, ...rest } = d;
  return rest;
}

async function uniqueDriver<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
      if (JSON.stringify(err.meta ?? {}).includes("userId")) throw new AppError("conflict", "This staff member is already a driver", { fieldErrors: { userId: ["Already a driver of this company"] } });
      throw new AppError("conflict", "Another driver already has this licence number", { fieldErrors: { licenceNo: ["Already used by another driver of this company"] } });
    }
    throw err;
  }
}

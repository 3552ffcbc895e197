import "server-only";
// The vendor's side of connections: the retailers list, one retailer's detail, terms and status.
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/ctx";
import type { Tx } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ConnectionStatus } from "@/lib/generated/prisma/enums";
import { assertCustomerCodeFree } from "@/lib/network/invitations";
import { connectionStatusAction, connectionTermsInput, listRetailersInput } from "@/lib/network/network.schemas";
import { toConnectionView, toRetailerSummary } from "@/lib/network/views";
import { parseInput } from "@/lib/validation";

export async function listRetailers(ctx: Ctx, input: unknown) {
  assertCan(ctx.actor, "retailers.read");
  const q = parseInput(listRetailersInput, input);
  const text = q.q;
  const where: Prisma.ConnectionWhereInput = {
    companyId: ctx.actor.companyId,
    ...(q.status === "all" ? {} : { status: q.status }),
    ...(text
      ? {
          OR: [
            { customerCode: { contains: text, mode: "insensitive" } },
            { retailer: { legalName: { contains: text, mode: "insensitive" } } },
            { retailer: { tradeName: { contains: text, mode: "insensitive" } } },
            { retailer: { gstin: { contains: text.toUpperCase() } } },
            { retailer: { city: { contains: text, mode: "insensitive" } } },
          ],
        }
      : {}),
  };
  const orderBy: Prisma.ConnectionOrderByWithRelationInput[] =
    q.sort === "name" ? [{ retailer: { legalName: q.dir } }] : q.sort === "city" ? [{ retailer: { city: q.dir } }] : q.sort === "customerCode" ? [{ customerCode: { sort: q.dir, nulls: "last" } }] : [{ [q.sort]: q.dir }];
  orderBy.push({ id: "asc" });
  const [total, rows, counts] = await Promise.all([
    ctx.db.connection.count({ where }),
    ctx.db.connection.findMany({ where, include: { retailer: true }, orderBy, skip: q.offset ?? (q.page - 1) * q.pageSize, take: q.pageSize }),
    ctx.db.connection.groupBy({ by: ["status"], where: { companyId: ctx.actor.companyId }, _count: { _all: true } }),
  ]);
  const byStatus = Object.fromEntries(counts.map((c) => [c.status, c._count._all])) as Partial<Record<ConnectionStatus, number>>;
  return { items: rows.map(toConnectionView), total, page: q.page, pageSize: q.pageSize, pageCount: Math.max(1, Math.ceil(total / q.pageSize)), byStatus };
}

/** One retailer as this vendor sees it: terms, the business, its contacts and the activity log. */
export async function getRetailerDetailOrThrow(ctx: Ctx, connectionId: string) {
  assertCan(ctx.actor, "retailers.read");
  const c = await ctx.db.connection.findFirst({
    where: { id: connectionId, companyId: ctx.actor.companyId },
    include: { priceList: { select: { id: true, name: true, active: true, isDefault: true } }, retailer: { include: { members: { where: { active: true }, include: { user: { select: { name: true, email: true, phone: true } } }, orderBy: { createdAt: "asc" } } } } },
  });
  if (!c) throw notFound("Retailer");
  const requests = await ctx.db.joinRequest.findMany({ where: { companyId: ctx.actor.companyId, retailerId: c.retailerId }, orderBy: { createdAt: "desc" }, take: 20 });
  const invitations = await ctx.db.invitation.findMany({ where: { companyId: ctx.actor.companyId, retailerId: c.retailerId }, select: { id: true } });
  const activity = await ctx.db.auditLog.findMany({
    where: {
      companyId: ctx.actor.companyId,
      OR: [
        { entityType: "Connection", entityId: c.id },
        { entityType: "JoinRequest", entityId: { in: requests.map((r) => r.id) } },
        { entityType: "Invitation", entityId: { in: invitations.map((i) => i.id) } },
      ],
    },
    // Rows written in one transaction can share a millisecond; cuids grow within a process, so the
    // id keeps them in the order they were written.
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 50,
  });
  const actorIds = [...new Set(activity.map((a) => a.actorUserId).filter((x): x is string => !!x))];
  const names = new Map((await ctx.db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  return {
    ...toConnectionView(c),
    priceList: c.priceList,
    retailer: toRetailerSummary(c.retailer),
    contacts: c.retailer.members.map((m) => ({ name: m.user.name, email: m.user.email, phone: m.user.phone, role: m.role })),
    joinRequests: requests.map((r) => ({ id: r.id, status: r.status, message: r.message, rejectionReason: r.rejectionReason, createdAt: r.createdAt.toISOString() })),
    activity: activity.map((a) => ({ id: a.id, action: a.action, actorName: a.actorUserId ? (names.get(a.actorUserId) ?? "Someone") : "System", actorKind: a.actorKind, before: a.before, after: a.after, createdAt: a.createdAt.toISOString() })),
  };
}

export async function updateConnectionTerms(ctx: Ctx, connectionId: string, input: unknown) {
  assertCan(ctx.actor, "retailers.write");
  const terms = parseInput(connectionTermsInput, input);
  if (Object.keys(terms).length === 0) throw new AppError("validation", "Nothing to change");
  const companyId = ctx.actor.companyId;
  try {
    return await ctx.db.$transaction(async (tx) => {
      const before = await tx.connection.findFirst({ where: { id: connectionId, companyId }, include: { retailer: true } });
      if (!before) throw notFound("Retailer");
      if (before.status === "ENDED") throw new AppError("invalid_transition", "This connection has ended; its terms can no longer change", { details: { state: "ENDED" } });
      if (terms.customerCode) await assertCustomerCodeFree(tx, companyId, terms.customerCode, before.id);
      if (terms.priceListId) await assertPriceListAssignable(tx, companyId, terms.priceListId);
      const data = { ...terms, placeOfSupply: terms.placeOfSupply ?? (terms.shippingStateCode !== undefined ? (terms.shippingStateCode ?? before.retailer.stateCode) : undefined) };
      const after = await tx.connection.update({ where: { id: connectionId, companyId }, data });
      const keys = Object.keys(data) as (keyof typeof after)[];
      const pick = (row: typeof after) => Object.fromEntries(keys.map((k) => [k, row[k] instanceof Prisma.Decimal ? (row[k] as Prisma.Decimal).toFixed(2) : row[k]]));
      await recordAudit(ctx, tx, { action: "connection.update_terms", entityType: "Connection", entityId: connectionId, before: pick(before), after: pick(after) });
      return toConnectionView({ ...after, retailer: before.retailer });
    });
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") throw new AppError("conflict", "Customer code is already used", { fieldErrors: { customerCode: ["Already used for another retailer"] } });
    throw err;
  }
}

/** A retailer can only be put on one of this company's active price lists. The row lock keeps the
 * list from being deleted or deactivated before this transaction commits. */
async function assertPriceListAssignable(tx: Tx, companyId: string, priceListId: string) {
  const [list] = await tx.$queryRaw<{ active: boolean }[]>`SELECT active FROM "PriceList" WHERE id = ${priceListId} AND "companyId" = ${companyId} FOR SHARE`;
  if (!list) throw new AppError("validation", "Price list not found", { fieldErrors: { priceListId: ["Choose one of your price lists"] } });
  if (!list.active) throw new AppError("validation", "That price list is inactive", { fieldErrors: { priceListId: ["This price list is inactive; activate it or choose another"] } });
}

const transitions: Record<string, { from: ConnectionStatus[]; to: ConnectionStatus }> = {
  suspend: { from: ["ACTIVE"], to: "SUSPENDED" },
  reactivate: { from: ["SUSPENDED"], to: "ACTIVE" },
  end: { from: ["ACTIVE", "SUSPENDED", "PENDING"], to: "ENDED" },
};

/** Suspend (orders blocked), reactivate, or end a connection. Invalid moves change nothing. */
export async function changeConnectionStatus(ctx: Ctx, connectionId: string, action: unknown) {
  assertCan(ctx.actor, "retailers.write");
  const a = parseInput(connectionStatusAction, action);
  const t = transitions[a];
  const companyId = ctx.actor.companyId;
  const now = ctx.now();
  return ctx.db.$transaction(async (tx) => {
    const before = await tx.connection.findFirst({ where: { id: connectionId, companyId }, include: { retailer: true } });
    if (!before) throw notFound("Retailer");
    const moved = await tx.connection.updateMany({
      where: { id: connectionId, companyId, status: { in: t.from } },
      data: { status: t.to, ...(t.to === "SUSPENDED" ? { suspendedAt: now } : t.to === "ENDED" ? { endedAt: now } : { suspendedAt: null }) },
    });
    if (moved.count === 0) throw new AppError("invalid_transition", `Cannot ${a} a connection that is ${before.status.toLowerCase()}`, { details: { state: before.status } });
    await recordAudit(ctx, tx, { action: `connection.${a}`, entityType: "Connection", entityId: connectionId, before: { status: before.status }, after: { status: t.to } });
    const after = await tx.connection.findUniqueOrThrow({ where: { id: connectionId } });
    return toConnectionView({ ...after, retailer: before.retailer });
  });
}

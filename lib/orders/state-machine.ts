// The one table of the order lifecycle: which action moves an order from which states to which,
// and who may take it. Domain functions call `assertTransition`; screens and the API ask
// `availableActions` to show only the buttons a person can press.
//
//   draft → placed → confirmed → packed → dispatched → delivered → returned
//   cancel: from draft, placed, confirmed or packed (never after dispatch)
//   edit:   a draft (staff: the vendor's work in progress) or a placed order (lines and quantities;
//           its reservation follows in the same transaction)
//   release_hold: a placed order held over the credit limit, by someone allowed to approve credit
//   return: from delivered, or again from returned while goods remain (partial returns), or from
//           dispatched (refused at the door: the goods come back undelivered)
import type { Actor } from "@/lib/auth/actor";
import { can, type Permission } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import type { OrderStatus } from "@/lib/generated/prisma/enums";

export const orderStatuses = ["DRAFT", "PLACED", "CONFIRMED", "PACKED", "DISPATCHED", "DELIVERED", "CANCELLED", "RETURNED"] as const satisfies readonly OrderStatus[];

export const orderActions = ["place", "edit", "confirm", "release_hold", "pack", "dispatch", "deliver", "cancel", "return"] as const;
export type OrderAction = (typeof orderActions)[number];

type Rule = {
  from: readonly OrderStatus[];
  /** The state after the action; null = the state does not change (edit, release_hold). */
  to: OrderStatus | null;
  /** Vendor staff need this permission. */
  staff: Permission;
  /** A retailer user of the ordering business may take it too. */
  retailer: boolean;
  /** Not while the order is on credit hold. */
  blockedByHold?: boolean;
  /** Only while the order is on credit hold. */
  needsHold?: boolean;
};

export const transitions: Record<OrderAction, Rule> = {
  // Drafts are the vendor's (a retailer's unfinished order is its cart), so only staff place one.
  place: { from: ["DRAFT"], to: "PLACED", staff: "orders.write", retailer: false },
  edit: { from: ["DRAFT", "PLACED"], to: null, staff: "orders.write", retailer: true },
  confirm: { from: ["PLACED"], to: "CONFIRMED", staff: "orders.write", retailer: false, blockedByHold: true },
  release_hold: { from: ["PLACED"], to: null, staff: "orders.approve_credit", retailer: false, needsHold: true },
  pack: { from: ["CONFIRMED"], to: "PACKED", staff: "inventory.write", retailer: false },
  dispatch: { from: ["PACKED"], to: "DISPATCHED", staff: "logistics.write", retailer: false },
  deliver: { from: ["DISPATCHED"], to: "DELIVERED", staff: "deliveries.update", retailer: false },
  cancel: { from: ["DRAFT", "PLACED", "CONFIRMED", "PACKED"], to: "CANCELLED", staff: "orders.write", retailer: true },
  return: { from: ["DISPATCHED", "DELIVERED", "RETURNED"], to: "RETURNED", staff: "orders.write", retailer: false },
};

/** Retailers may edit or cancel only a placed order, before the vendor has confirmed it. */
const retailerOnlyFrom: Partial<Record<OrderAction, readonly OrderStatus[]>> = { edit: ["PLACED"], cancel: ["PLACED"] };

export const statusLabels: Record<OrderStatus, string> = {
  DRAFT: "Draft",
  PLACED: "Placed",
  CONFIRMED: "Confirmed",
  PACKED: "Packed",
  DISPATCHED: "Dispatched",
  DELIVERED: "Delivered",
  CANCELLED: "Cancelled",
  RETURNED: "Returned",
};

export const actionLabels: Record<OrderAction, string> = {
  place: "Place order",
  edit: "Edit",
  confirm: "Confirm",
  release_hold: "Release credit hold",
  pack: "Mark packed",
  dispatch: "Dispatch",
  deliver: "Mark delivered",
  cancel: "Cancel order",
  return: "Record return",
};

type OrderState = { status: OrderStatus; creditHold: boolean };

/** Whether the state allows the action at all (whoever asks). */
export function stateAllows(order: OrderState, action: OrderAction): boolean {
  const rule = transitions[action];
  if (!rule.from.includes(order.status)) return false;
  if (rule.blockedByHold && order.creditHold) return false;
  if (rule.needsHold && !order.creditHold) return false;
  return true;
}

/** Whether this actor may take the action (tenancy is checked by the caller, who loaded the order). */
export function actorAllowed(actor: Actor, order: OrderState, action: OrderAction): boolean {
  const rule = transitions[action];
  if (actor.kind === "system") return true;
  if (actor.kind === "retailer") return rule.retailer && (retailerOnlyFrom[action]?.includes(order.status) ?? true);
  return can(actor, rule.staff);
}

/**
 * Throws `invalid_transition` (409, naming the current state) when the state does not allow the
 * action, or `forbidden` when the actor may not take it. Returns the next state.
 */
export function assertTransition(actor: Actor, order: OrderState, action: OrderAction): OrderStatus {
  if (!stateAllows(order, action)) {
    const why = transitions[action].blockedByHold && order.creditHold ? " while it is on credit hold" : transitions[action].needsHold && !order.creditHold ? " (it is not on credit hold)" : "";
    throw new AppError("invalid_transition", `Cannot ${actionLabels[action].toLowerCase()} an order that is ${statusLabels[order.status].toLowerCase()}${why}`, {
      details: { currentState: order.status, action, creditHold: order.creditHold },
    });
  }
  if (!actorAllowed(actor, order, action)) {
    throw new AppError("forbidden", actor.kind === "retailer" ? "Only the vendor can do this now" : `Your role cannot ${actionLabels[action].toLowerCase()} orders`);
  }
  return transitions[action].to ?? order.status;
}

/** The actions this actor can take on the order now, in the order buttons are shown. */
export function availableActions(actor: Actor, order: OrderState): OrderAction[] {
  return orderActions.filter((a) => stateAllows(order, a) && actorAllowed(actor, order, a));
}

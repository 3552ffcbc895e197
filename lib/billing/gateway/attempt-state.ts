// The forward-only state machine of one gateway payment: created → authorized → captured → partly /
// fully refunded, with failed as a side state. Events are snapshots that arrive in any order, so the
// next state is the furthest of what we have and what the gateway now reports: a late authorisation
// after "failed" is taken (banks confirm late), nothing ever moves back from captured.
import type { PaymentAttemptStatus } from "@/lib/generated/prisma/enums";
import type { GatewayPaymentStatus } from "@/lib/integrations/payments/gateway";

const rank: Record<Exclude<PaymentAttemptStatus, "FAILED">, number> = { CREATED: 0, AUTHORIZED: 1, CAPTURED: 2, PARTLY_REFUNDED: 3, REFUNDED: 4 };

/** The gateway's view of a payment as one of our states (a refund of part of it is PARTLY_REFUNDED). */
export function reportedState(status: GatewayPaymentStatus, amountPaise: number, refundedPaise: number): PaymentAttemptStatus {
  switch (status) {
    case "created":
      return "CREATED";
    case "authorized":
      return "AUTHORIZED";
    case "failed":
      return "FAILED";
    case "captured":
    case "refunded":
      if (refundedPaise <= 0) return status === "refunded" ? "REFUNDED" : "CAPTURED";
      return refundedPaise >= amountPaise ? "REFUNDED" : "PARTLY_REFUNDED";
  }
}

export function nextAttemptState(current: PaymentAttemptStatus | null, reported: PaymentAttemptStatus): PaymentAttemptStatus {
  if (current === null || current === reported) return reported;
  if (reported === "FAILED") return current === "CREATED" ? "FAILED" : current;
  if (current === "FAILED") return rank[reported] >= rank.AUTHORIZED ? reported : "FAILED";
  return rank[reported] > rank[current] ? reported : current;
}

/** States in which the money was taken: the receipt exists (or is owed) from here on. */
export function isCaptured(s: PaymentAttemptStatus): boolean {
  return s === "CAPTURED" || s === "PARTLY_REFUNDED" || s === "REFUNDED";
}

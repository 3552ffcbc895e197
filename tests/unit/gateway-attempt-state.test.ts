// The forward-only state machine of a gateway payment: any order of snapshots ends in the furthest state.
import { describe, expect, it } from "vitest";
import { nextAttemptState, reportedState } from "@/lib/billing/gateway/attempt-state";
import type { PaymentAttemptStatus } from "@/lib/generated/prisma/enums";

describe("payment attempt states", () => {
  it("maps the gateway's view, with refunds split into part and full", () => {
    expect(reportedState("captured", 1000, 0)).toBe("CAPTURED");
    expect(reportedState("captured", 1000, 400)).toBe("PARTLY_REFUNDED");
    expect(reportedState("refunded", 1000, 1000)).toBe("REFUNDED");
    expect(reportedState("refunded", 1000, 300)).toBe("PARTLY_REFUNDED");
    expect(reportedState("authorized", 1000, 0)).toBe("AUTHORIZED");
    expect(reportedState("failed", 1000, 0)).toBe("FAILED");
  });

  it("never moves back; failed only from created; a late authorisation after failed is taken", () => {
    const cases: [PaymentAttemptStatus | null, PaymentAttemptStatus, PaymentAttemptStatus][] = [
      [null, "CAPTURED", "CAPTURED"],
      ["CAPTURED", "AUTHORIZED", "CAPTURED"],
      ["CAPTURED", "CREATED", "CAPTURED"],
      ["CAPTURED", "FAILED", "CAPTURED"],
      ["AUTHORIZED", "FAILED", "AUTHORIZED"],
      ["CREATED", "FAILED", "FAILED"],
      ["FAILED", "AUTHORIZED", "AUTHORIZED"],
      ["FAILED", "CAPTURED", "CAPTURED"],
      ["FAILED", "CREATED", "FAILED"],
      ["PARTLY_REFUNDED", "CAPTURED", "PARTLY_REFUNDED"],
      ["PARTLY_REFUNDED", "REFUNDED", "REFUNDED"],
      ["REFUNDED", "PARTLY_REFUNDED", "REFUNDED"],
    ];
    for (const [from, seen, to] of cases) expect(nextAttemptState(from, seen), `${from} + ${seen}`).toBe(to);
  });

  it("every order of the same snapshots ends in the same state", () => {
    const snaps: PaymentAttemptStatus[] = ["FAILED", "AUTHORIZED", "CAPTURED", "PARTLY_REFUNDED"];
    const perms = (xs: PaymentAttemptStatus[]): PaymentAttemptStatus[][] => (xs.length <= 1 ? [xs] : xs.flatMap((x, i) => perms([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p])));
    for (const order of perms(snaps)) expect(order.reduce<PaymentAttemptStatus | null>((s, x) => nextAttemptState(s, x), null)).toBe("PARTLY_REFUNDED");
  });
});

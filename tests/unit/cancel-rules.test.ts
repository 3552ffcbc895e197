// The one cancellation rule shared by cancelInvoice and the invoice view's "cancel" action.
import { describe, expect, it } from "vitest";
import { cancelRefusal, irnCancellableUntil } from "@/lib/billing/cancel-rules";

const ack = new Date("2026-11-20T05:00:00Z");
const doc = { id: "inv1", type: "INVOICE" as const, number: "INV/26-27/000001", status: "ISSUED" as const, eInvoiceStatus: "NOT_REQUIRED" as const, irn: null, ackDate: null, ewayBillNo: null };

describe("cancelRefusal", () => {
  it("allows an issued document with no notes, no e-way bill and no IRN", () => {
    expect(cancelRefusal(doc, [], new Date())).toBeNull();
  });
  it("refuses a cancelled one, live notes, and an active e-way bill, saying why", () => {
    expect(cancelRefusal({ ...doc, status: "CANCELLED" }, [], new Date())?.code).toBe("invalid_transition");
    const notes = cancelRefusal(doc, ["CN/26-27/000004"], new Date());
    expect(notes?.code).toBe("conflict");
    expect(notes?.message).toContain("CN/26-27/000004");
    expect(cancelRefusal({ ...doc, ewayBillNo: "391000123456" }, [], new Date())?.message).toContain("391000123456");
  });
  it("allows an e-invoiced document up to exactly 24 hours after the ack, then points to a credit note", () => {
    const einv = { ...doc, eInvoiceStatus: "GENERATED" as const, irn: "a".repeat(64), ackDate: ack };
    const until = irnCancellableUntil(ack)!;
    expect(until.toISOString()).toBe("2026-11-21T05:00:00.000Z");
    expect(cancelRefusal(einv, [], until)).toBeNull();
    const late = cancelRefusal(einv, [], new Date(until.getTime() + 1000));
    expect(late?.code).toBe("conflict");
    expect(late?.details).toMatchObject({ suggestion: "credit_note", creditNoteUrl: "/invoices/inv1/credit-note" });
  });
});

// The unit table and its one helper: which units count whole and which take decimals, the message
// every door sends, the keypad forms use, and the browser-side resolver that shows the same message
// on the field before a form is sent. Prices: what "more than zero" refuses.
import { describe, expect, it } from "vitest";
import type { Resolver } from "react-hook-form";
import { lineUnitChecks, withUnitQuantities } from "@/components/form/unit-quantities";
import { assertQuantitiesFitUnits, quantityInputProps, quantityUnitError, UNIT_CODES, unitDecimals, unitQuantityErrors } from "@/lib/catalog/units";
import { priceIssue, priceSchema } from "@/lib/validation";

describe("the unit table", () => {
  it("counts pieces, boxes and packets whole and kilograms, litres and metres to 3 decimals", () => {
    for (const u of ["PCS", "NOS", "BOX", "PAC", "BTL", "CTN", "DOZ", "SET", "PRS", "BAG", "CAN", "ROL", "TBS", "UNT", "BDL", "GMS", "MLT"]) expect(unitDecimals(u)).toBe(0);
    for (const u of ["KGS", "LTR", "MTR", "TON", "QTL", "SQM"]) expect(unitDecimals(u)).toBe(3);
    // Every unit a product can have has a rule.
    expect(UNIT_CODES).toHaveLength(23);
    // A code outside the table (a free-text invoice line's own unit) keeps the storage precision.
    expect(unitDecimals("HRS")).toBe(3);
    expect(unitDecimals(" pcs ")).toBe(0);
  });

  it("names the field and the unit, and ignores the sign and trailing zeros", () => {
    expect(quantityUnitError("2.5", "PCS")).toBe("Quantity must be a whole number of PCS");
    expect(quantityUnitError("2.000", "PCS")).toBeNull();
    expect(quantityUnitError(12, "BOX")).toBeNull();
    expect(quantityUnitError("1,200.5", "KGS")).toBeNull();
    expect(quantityUnitError("-3.5", "BOX", "Reorder level")).toBe("Reorder level must be a whole number of BOX");
    expect(quantityUnitError({ toFixed: () => "0.25" }, "NOS", "Counted quantity")).toBe("Counted quantity must be a whole number of NOS");
    // Not a number is the schema's to refuse, not this rule's.
    expect(quantityUnitError("abc", "PCS")).toBeNull();
    expect(quantityUnitError("", "PCS")).toBeNull();
  });

  it("collects field errors and throws one validation error naming them all", () => {
    const checks = [
      { field: "lines.0.quantity", quantity: "2", unit: "PCS" },
      { field: "lines.1.quantity", quantity: "2.5", unit: "PCS" },
      { field: "lines.2.quantity", quantity: "2.5", unit: "KGS" },
      { field: "lines.3.quantity", quantity: null, unit: "PCS" },
    ];
    expect(unitQuantityErrors(checks)).toEqual({ "lines.1.quantity": ["Quantity must be a whole number of PCS"] });
    expect(() => assertQuantitiesFitUnits(checks)).toThrow(expect.objectContaining({ code: "validation", fieldErrors: { "lines.1.quantity": ["Quantity must be a whole number of PCS"] } }));
    expect(() => assertQuantitiesFitUnits(checks.filter((c) => c.field !== "lines.1.quantity"))).not.toThrow();
  });

  it("gives whole units a numeric keypad and step 1, measured ones a decimal keypad and step 0.001", () => {
    expect(quantityInputProps("PCS")).toEqual({ inputMode: "numeric", step: "1" });
    expect(quantityInputProps("KGS")).toEqual({ inputMode: "decimal", step: "0.001" });
    expect(quantityInputProps(undefined)).toEqual({ inputMode: "decimal", step: "0.001" });
  });
});

describe("the browser-side resolver", () => {
  const zodLike: Resolver<{ lines: { productId: string; quantity: string }[] }> = async (values) => ({ values, errors: {} });
  const picked = { a: { id: "p-soap", unit: "PCS" }, b: { id: "p-sugar", unit: "KGS" }, c: null };

  it("puts the unit message on the line's field and withholds the values", async () => {
    const resolver = withUnitQuantities(zodLike, (v) => lineUnitChecks(v.lines, picked));
    const values = { lines: [{ productId: "p-sugar", quantity: "2.5" }, { productId: "p-soap", quantity: "2.5" }] };
    const res = await resolver(values, undefined, { fields: {}, shouldUseNativeValidation: false });
    expect(res.values).toEqual({});
    expect((res.errors as { lines: unknown[] }).lines[1]).toEqual({ quantity: { type: "unit", message: "Quantity must be a whole number of PCS" } });
    expect((res.errors as { lines: unknown[] }).lines[0]).toBeUndefined();
    const fine = await resolver({ lines: [{ productId: "p-soap", quantity: "3" }, { productId: "", quantity: "2.5" }] }, undefined, { fields: {}, shouldUseNativeValidation: false });
    expect(fine.errors).toEqual({});
  });

  it("keeps the schema's own message when the field already has one", async () => {
    const failing: typeof zodLike = async () => ({ values: {}, errors: { lines: [undefined, { quantity: { type: "custom", message: "Must be more than zero" } }] } as never });
    const res = await withUnitQuantities(failing, (v) => lineUnitChecks(v.lines, picked))({ lines: [{ productId: "p-soap", quantity: "1.5" }, { productId: "p-soap", quantity: "0.5" }] }, undefined, { fields: {}, shouldUseNativeValidation: false });
    const lines = (res.errors as { lines: { quantity: { message: string } }[] }).lines;
    expect(lines[0]!.quantity.message).toBe("Quantity must be a whole number of PCS");
    expect(lines[1]!.quantity.message).toBe("Must be more than zero");
  });
});

describe("prices", () => {
  it("refuse zero and less with a message naming the field; free goods are a line mark, never a price", () => {
    expect(priceIssue("0", "Selling price")).toBe("Selling price must be more than zero");
    expect(priceIssue("0.00")).toBe("Price must be more than zero");
    expect(priceIssue("-5")).toBe("Price cannot be negative");
    expect(priceIssue("")).toBe("Enter the price");
    expect(priceIssue("12.345")).toBe("Enter the price in rupees, e.g. 92 or 92.50");
    expect(priceIssue("0.01")).toBeNull();
    expect(priceSchema("MRP").safeParse("1,250.50")).toEqual({ success: true, data: "1250.50" });
    expect(priceSchema("MRP").safeParse(0).error?.issues[0]?.message).toBe("MRP must be more than zero");
  });
});

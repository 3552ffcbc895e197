import { z } from "zod";
import { describe, expect, it } from "vitest";
import { companyProfileSchema } from "@/lib/company/company.schemas";
import { problemBody, problemFromError } from "@/lib/http/problem";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";

describe("input validation and problem details", () => {
  it("names unknown fields and every bad field in one error", () => {
    const schema = z.strictObject({ name: z.string().min(1, "Name is required"), qty: z.number() });
    try {
      parseInput(schema, { name: "", qty: "x", extra: 1 });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      const err = e as AppError;
      expect(err.code).toBe("validation");
      expect(err.fieldErrors).toMatchObject({ name: ["Name is required"], qty: [expect.any(String)], extra: ["Unknown field"] });
      expect(err.message).toBe("Invalid input: name, qty, extra");
    }
  });

  it("derives agreement errors between GSTIN, state and PAN in the company form schema", () => {
    const r = companyProfileSchema.safeParse({ legalName: "A", gstin: "27AAPFU0939F1ZV", pan: "AAPFU0000F", stateCode: "29", addressLine1: "x", city: "Pune", pincode: "411001" });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["stateCode", "pan"]));
  });

  it("renders RFC 9457 bodies with stable codes and hides unknown errors", () => {
    expect(problemBody("not_found", "Order not found")).toMatchObject({ status: 404, title: "Not Found", code: "not_found", type: expect.stringContaining("not-found") });
    const hidden = problemFromError(new Error("secret stack detail"), "req-1");
    expect(hidden).toMatchObject({ status: 500, code: "internal", requestId: "req-1" });
    expect(JSON.stringify(hidden)).not.toContain("secret");
  });
});

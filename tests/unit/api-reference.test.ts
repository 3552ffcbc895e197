// The /api-docs pages read the OpenAPI document through app/api-docs/reference.ts: every operation
// sits on one section page, and schemas flatten into rows that name nested fields, nullable enums,
// named types and the shapes of a oneOf.
import { describe, expect, it } from "vitest";
import { apiReference, namedTypesOf, schemaRows, typeParts } from "@/app/api-docs/reference";

const { doc, tags, schemas } = apiReference();

describe("the API reference pages", () => {
  it("put every operation on exactly one section page, under a unique slug", () => {
    const slugs = tags.map((t) => t.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(slugs).toContain("delivery-trips");
    const listed = tags.flatMap((t) => t.operations.map((o) => o.op.operationId));
    const all = Object.values(doc.paths).flatMap((methods) => Object.values(methods as Record<string, { operationId: string }>).map((o) => o.operationId));
    expect(listed.sort()).toEqual(all.sort());
  });

  it("flatten an order into its fields, nested ones under their parent", () => {
    const rows = schemaRows(schemas.Order);
    const row = (key: string) => rows.find((r) => r.key === key);
    expect(row("number")).toMatchObject({ depth: 0, required: true, type: [{ text: "string" }] });
    expect(row("lines[].quantity")).toMatchObject({ parent: "lines[].", name: "quantity", depth: 1 });
    expect(row("timeline[].fromStatus")?.values).toEqual(expect.arrayContaining(["PLACED", "null"]));
    expect(row("delivery.receivedBy")).toMatchObject({ depth: 1 });
    expect(row("placedAt")?.type).toEqual([{ text: "string (date-time)" }, { text: " | " }, { text: "null" }]);
  });

  it("link named types and read zod's nullable fields and bounds", () => {
    expect(typeParts({ type: "array", items: { $ref: "#/components/schemas/Order" } })).toEqual([{ text: "array of " }, { ref: "Order" }]);
    expect(typeParts({ anyOf: [{ type: "string", maxLength: 60 }, { type: "null" }] })).toEqual([{ text: "string" }, { text: " | null" }]);
    const rows = schemaRows({ type: "object", required: ["a"], properties: { a: { type: "integer", minimum: -9007199254740991, maximum: 100 }, b: { anyOf: [{ type: "string", maxLength: 60 }, { type: "null" }] } } });
    expect(rows.map((r) => [r.name, r.required, r.notes])).toEqual([
      ["a", true, ["≤ 100"]],
      ["b", false, ["at most 60 characters"]],
    ]);
  });

  it("show each shape of the acting user, and find the types a section uses", () => {
    const rows = schemaRows(schemas.Actor);
    expect(rows.filter((r) => r.shape).map((r) => r.name)).toEqual(['when kind is "staff"', 'when kind is "retailer"']);
    expect(rows.some((r) => r.parent === "companies[]." && r.name === "role")).toBe(true);
    // Rows are keyed by path: the same field in two shapes still gets two keys.
    for (const [name, schema] of Object.entries(schemas)) {
      const keys = schemaRows(schema).map((r) => r.key);
      expect(new Set(keys).size, name).toBe(keys.length);
    }
    const orders = tags.find((t) => t.name === "Orders")!;
    const used = namedTypesOf(orders.operations.flatMap(({ op }) => Object.values(op.responses).flatMap((r) => Object.values(r.content ?? {}).map((m) => m.schema!))).filter(Boolean), schemas);
    expect(used).toEqual(expect.arrayContaining(["Order", "OrderListItem", "PickList", "Problem"]));
  });
});

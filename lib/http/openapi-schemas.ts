// Small JSON Schema pieces the *.openapi.ts files share for answers whose view is a TypeScript type.
import type { JsonSchema } from "@/lib/http/openapi-operation";

export const str = { type: "string" } as const;
export const nullableStr = { type: ["string", "null"] } as const;
export const int = { type: "integer" } as const;
export const bool = { type: "boolean" } as const;
export const dateTime = { type: "string", format: "date-time" } as const;
export const nullableDateTime = { type: ["string", "null"], format: "date-time" } as const;
export const money = { type: "string", description: 'Rupees, decimal string with 2 places, e.g. "1250.50"' } as const;
export const nullableMoney = { ...money, type: ["string", "null"] } as const;

/** One of `values`, or null. */
export const nullableEnum = (values: readonly (string | number)[], description?: string): JsonSchema => ({ enum: [...values, null], ...(description ? { description } : {}) });

/** An object whose listed properties are all present. */
export const object = (properties: Record<string, unknown>, extra: JsonSchema = {}): JsonSchema => ({ type: "object", properties, ...extra });

/** `{ data: [item] }`: a list answered whole, without pages. */
export const dataList = (items: unknown, description?: string): JsonSchema => object({ data: { type: "array", items, ...(description ? { description } : {}) } });

/** A free-form JSON object (stored snapshots, a partner's payload): any keys. */
export const anyObject = (description: string): JsonSchema => ({ type: "object", additionalProperties: true, description });

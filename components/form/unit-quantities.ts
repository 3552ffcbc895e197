// The unit rule in the browser: wraps a form's resolver so a quantity that its product's unit does
// not allow (2.5 PCS) shows on the field before the form is sent, with the server's own message
// (lib/catalog/units.ts). The server checks again; this only saves a round trip.
import type { FieldError, FieldErrors, FieldValues, Resolver } from "react-hook-form";
import { unitQuantityErrors, type QuantityCheck } from "@/lib/catalog/units";

export function withUnitQuantities<T extends FieldValues>(resolver: Resolver<T>, checks: (values: T) => QuantityCheck[]): Resolver<T> {
  return async (values, context, options) => {
    const result = await resolver(values, context, options);
    const unitErrors = unitQuantityErrors(checks(values));
    if (Object.keys(unitErrors).length === 0) return result;
    const errors = { ...(result.errors as Record<string, unknown>) };
    for (const [path, [message]] of Object.entries(unitErrors)) {
      if (message) setErrorAt(errors, path.split("."), { type: "unit", message });
    }
    return { values: {}, errors: errors as FieldErrors<T> };
  };
}

/** Puts `error` at a dotted path ("lines.2.quantity") unless the schema already put one there. */
function setErrorAt(root: Record<string, unknown>, keys: string[], error: FieldError) {
  let node: Record<string, unknown> = root;
  keys.forEach((key, i) => {
    if (i === keys.length - 1) {
      node[key] ??= error;
      return;
    }
    const nextIsIndex = /^\d+$/.test(keys[i + 1]!);
    const child = node[key];
    const copy = Array.isArray(child) ? [...child] : child && typeof child === "object" ? { ...(child as object) } : nextIsIndex ? [] : {};
    node[key] = copy;
    node = copy as Record<string, unknown>;
  });
}

/** The checks of a product-lines form: `lines.N.<field>` against the unit of the product picked on that line. */
export function lineUnitChecks(lines: readonly { productId?: string; [k: string]: unknown }[] | undefined, picked: Record<string, { id: string; unit: string } | null>, field = "quantity"): QuantityCheck[] {
  const unitOf = new Map(Object.values(picked).flatMap((p) => (p ? [[p.id, p.unit] as const] : [])));
  return (lines ?? []).map((l, i) => ({ field: `lines.${i}.${field}`, quantity: l[field] as string | undefined, unit: l.productId ? unitOf.get(l.productId) : undefined }));
}

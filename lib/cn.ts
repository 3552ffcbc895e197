/** Joins class names, skipping falsy values and booleans, flattening arrays. No conflict merging
 * (no tailwind-merge): a component should not receive two classes for the same property. */
export type ClassValue = string | number | bigint | boolean | null | undefined | ClassValue[];

export function cn(...values: ClassValue[]): string {
  const out: string[] = [];
  for (const v of values) {
    if (!v || v === true) continue;
    if (Array.isArray(v)) {
      const inner = cn(...v);
      if (inner) out.push(inner);
    } else {
      out.push(String(v));
    }
  }
  return out.join(" ");
}

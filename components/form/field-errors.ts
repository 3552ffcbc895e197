// Puts server-side field errors (ActionResult.fieldErrors) on react-hook-form fields, so they
// show next to the field like client-side ones. Returns the messages that matched no field.
import type { FieldValues, Path, UseFormSetError } from "react-hook-form";

export function applyFieldErrors<T extends FieldValues>(
  setError: UseFormSetError<T>,
  fieldErrors: Record<string, string[]> | undefined,
  fields: readonly string[],
): string[] {
  const unmatched: string[] = [];
  let first = true;
  for (const [key, messages] of Object.entries(fieldErrors ?? {})) {
    const message = messages?.[0];
    if (!message) continue;
    if (fields.includes(key)) {
      setError(key as Path<T>, { type: "server", message }, { shouldFocus: first });
      first = false;
    } else {
      unmatched.push(key === "_" ? message : `${key}: ${message}`);
    }
  }
  return unmatched;
}

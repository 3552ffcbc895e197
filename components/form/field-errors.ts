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

/**
 * A failed action result onto the form: field messages next to their fields, and the text for the
 * form's banner (the error, plus any messages that matched no field).
 */
export function applyServerErrors<T extends FieldValues>(setError: UseFormSetError<T>, res: { error: string; fieldErrors?: Record<string, string[]> }, fields: readonly string[]): string {
  const rest = applyFieldErrors(setError, res.fieldErrors, fields);
  return rest.length ? `${res.error} (${rest.join("; ")})` : res.error;
}

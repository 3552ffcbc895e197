"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runAction, type ActionResult } from "@/lib/http/action";
import { addEmployee } from "@/lib/people/add-employee";
import type { EmployeeView } from "@/lib/people/employee-view";
import { updateEmployee } from "@/lib/people/update-employee";

/** Adds the employee and, on success, goes back to the list with a notice. */
export async function addEmployeeAction(input: unknown): Promise<ActionResult<EmployeeView>> {
  const result = await runAction((ctx) => addEmployee(ctx, input));
  if (!result.ok) return result;
  revalidatePath("/employees");
  revalidatePath("/dashboard");
  redirect(`/employees?added=${encodeURIComponent(result.data.email)}`);
}

/** Changes role or title, or deactivates / reactivates; `id` is the membership id. */
export async function updateEmployeeAction(id: string, input: unknown): Promise<ActionResult<EmployeeView>> {
  const result = await runAction((ctx) => updateEmployee(ctx, String(id), input));
  if (result.ok) {
    revalidatePath("/employees");
    revalidatePath("/dashboard");
  }
  return result;
}

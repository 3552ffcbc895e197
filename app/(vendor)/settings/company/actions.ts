"use server";
import { revalidatePath } from "next/cache";
import { updateCompany } from "@/lib/company/update-company";
import type { CompanyView } from "@/lib/company/get-company";
import { runAction, type ActionResult } from "@/lib/http/action";

export async function updateCompanyAction(input: unknown): Promise<ActionResult<CompanyView>> {
  const result = await runAction((ctx) => updateCompany(ctx, input));
  // The company name shows in the shell and on the dashboard.
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

"use server";
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/http/action";
import { retryFailedJob } from "@/lib/jobs/dead-letter";

export async function retryFailedJobAction(id: string): Promise<ActionResult<{ id: string; queue: string }>> {
  const res = await runAction((ctx) => retryFailedJob(ctx, String(id)));
  revalidatePath("/settings/jobs");
  return res;
}

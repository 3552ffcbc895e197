"use server";
// Doors for the notification centre (dashboard and portal alike). Rules live in lib/notifications.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runAction } from "@/lib/http/action";
import { markAllRead } from "@/lib/notifications/mark-all-read";
import { markNotificationRead } from "@/lib/notifications/mark-notification-read";

// The bell in both shells shows the unread count, so every change refreshes from the layout down.

export async function markNotificationReadAction(id: string): Promise<void> {
  await runAction((ctx) => markNotificationRead(ctx, String(id)));
  revalidatePath("/", "layout");
}

export async function markAllReadAction(): Promise<void> {
  await runAction((ctx) => markAllRead(ctx));
  revalidatePath("/", "layout");
}

/** Marks the notification read and goes to what it is about. */
export async function openNotificationAction(id: string): Promise<void> {
  const res = await runAction((ctx) => markNotificationRead(ctx, String(id)));
  revalidatePath("/", "layout");
  if (res.ok && res.data.link) redirect(res.data.link);
}

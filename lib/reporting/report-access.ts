// Who may open which report. Every report needs reports.read; a report over a domain also needs
// that domain's read permission, so a role sees in a report only what it may see in the app:
// stock (inventory.read) for owners, admins, managers and sales; receivables (billing.read) for
// those and accountants. Pages, the reports index and the domain functions ask the same question.
import type { Actor, StaffActor } from "@/lib/auth/actor";
import { assertCan, can, type Permission } from "@/lib/auth/permissions";

export type ReportKey = "sales" | "stock" | "receivables" | "gst";

const needs: Record<ReportKey, Permission[]> = {
  sales: ["reports.read"],
  stock: ["reports.read", "inventory.read"],
  receivables: ["reports.read", "billing.read"],
  gst: ["reports.read"],
};

export function canSeeReport(actor: Actor | null | undefined, report: ReportKey): boolean {
  return needs[report].every((p) => can(actor, p));
}

/** Throws `forbidden` naming the missing permission. */
export function assertCanSeeReport(actor: Actor, report: ReportKey): asserts actor is StaffActor {
  for (const p of needs[report]) assertCan(actor, p);
}

// The settings pages as one tab strip under each page's header, showing only the pages the
// person's role can open.
import type { StaffActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { LinkTabs } from "@/components/ui/link-tabs";

type SettingsPage = "company" | "gst" | "e-invoicing" | "e-way-bills" | "payments" | "shipping" | "notifications" | "jobs" | "backups" | "system";

export function SettingsTabs({ actor, current }: { actor: StaffActor; current: SettingsPage }) {
  const pages: { key: SettingsPage; label: string; allowed: boolean }[] = [
    { key: "company", label: "Company", allowed: can(actor, "company.read") },
    { key: "gst", label: "GST & invoices", allowed: can(actor, "billing.read") },
    { key: "e-invoicing", label: "E-invoicing", allowed: can(actor, "billing.read") || can(actor, "company.write") },
    { key: "e-way-bills", label: "E-way bills", allowed: can(actor, "logistics.read") },
    { key: "payments", label: "Payments", allowed: can(actor, "billing.read") },
    { key: "shipping", label: "Shipping", allowed: can(actor, "logistics.read") && can(actor, "company.read") },
    { key: "notifications", label: "Notifications", allowed: true },
    { key: "jobs", label: "Background jobs", allowed: can(actor, "audit.read") || can(actor, "company.write") },
    { key: "backups", label: "Data & backups", allowed: can(actor, "system.backups.read") },
    { key: "system", label: "System health", allowed: can(actor, "system.backups.read") },
  ];
  return (
    <div className="mb-6">
      <LinkTabs label="Settings" items={pages.filter((p) => p.allowed).map((p) => ({ href: `/settings/${p.key}`, label: p.label, active: p.key === current }))} />
    </div>
  );
}

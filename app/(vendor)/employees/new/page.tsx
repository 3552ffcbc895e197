import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { redirect } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { AddEmployeeForm } from "./add-employee-form";

export const metadata: Metadata = { title: "Add employee" };

export default async function NewEmployeePage() {
  const actor = await requireStaff();
  if (!can(actor, "employees.write")) redirect("/employees");
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader
        eyebrow={
          <Link href="/employees" className="hover:text-slate-800">
            ← Employees
          </Link>
        }
        title="Add employee"
        description="They get an email with a 6-digit code to set their password. Someone already on Vendor ERP is simply added to this company."
      />
      <AddEmployeeForm canManageAdmins={can(actor, "employees.manage_admins")} />
    </div>
  );
}

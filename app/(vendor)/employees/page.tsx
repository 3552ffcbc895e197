import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { PlusIcon } from "@/components/shell/icons";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { makeCtx } from "@/lib/ctx";
import { Role } from "@/lib/generated/prisma/enums";
import { listEmployees } from "@/lib/people/list-employees";
import { employeeSortKeys } from "@/lib/people/people.schemas";
import { EmployeesTable, type EmployeeQuery } from "./employees-table";

export const metadata: Metadata = { title: "Employees" };

type SP = Record<string, string | string[] | undefined>;

export default async function EmployeesPage({ searchParams }: { searchParams: Promise<SP> }) {
  const actor = await requireStaff();
  const sp = await searchParams;
  const query = parseQuery(sp);
  const data = await listEmployees(makeCtx(actor), { ...query, role: query.role || undefined, q: query.q || undefined, pageSize: 20 });
  const added = one(sp.added);
  const canWrite = can(actor, "employees.write");
  return (
    <>
      <PageHeader
        title="Employees"
        description="Everyone who works in this company on Vendor ERP, with the role that decides what they can do."
        actions={
          canWrite ? (
            <Link href="/employees/new" className={buttonClasses()}>
              <PlusIcon className="size-4" />
              Add employee
            </Link>
          ) : undefined
        }
      />
      {added && (
        <Alert tone="success" className="mb-4" title={`Invitation sent to ${added}`}>
          They will get an email with a code to set their password and sign in.
        </Alert>
      )}
      <EmployeesTable
        data={data}
        query={query}
        canWrite={canWrite}
        canManageAdmins={can(actor, "employees.manage_admins")}
        currentUserId={actor.userId}
      />
    </>
  );
}

function one(v: string | string[] | undefined) {
  return Array.isArray(v) ? v[0] : v;
}

/** Unknown values in the URL fall back to defaults rather than failing the page. */
function parseQuery(sp: SP): EmployeeQuery {
  const role = one(sp.role);
  const status = one(sp.status);
  const sort = one(sp.sort);
  const dir = one(sp.dir);
  const page = Number.parseInt(one(sp.page) ?? "1", 10);
  return {
    q: (one(sp.q) ?? "").slice(0, 100),
    role: role && (Object.values(Role) as string[]).includes(role) ? (role as Role) : "",
    status: status === "inactive" || status === "all" ? status : "active",
    sort: sort && (employeeSortKeys as readonly string[]).includes(sort) ? (sort as EmployeeQuery["sort"]) : "name",
    dir: dir === "desc" ? "desc" : "asc",
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

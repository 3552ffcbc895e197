import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { redirect } from "next/navigation";
import { Card, CardBody } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { makeCtx } from "@/lib/ctx";
import { listEmployees } from "@/lib/people/list-employees";
import { DriverForm } from "../../_components/driver-form";
import { Section } from "../../_components/section";

export const metadata: Metadata = { title: "Add driver" };

export default async function NewDriverPage() {
  const actor = await requireStaff();
  if (!can(actor, "logistics.write")) redirect("/fleet/drivers");
  const ctx = makeCtx(actor);
  const staff = can(actor, "employees.read") ? (await listEmployees(ctx, { status: "active", pageSize: 100 })).items : [];
  const taken = new Set((await ctx.db.driver.findMany({ where: { companyId: actor.companyId, userId: { not: null } }, select: { userId: true } })).map((d) => d.userId));
  return (
    <>
      <Section eyebrow={<Link href="/fleet/drivers" className="hover:text-slate-800">← Drivers</Link>} title="Add driver" />
      <Card className="max-w-3xl">
        <CardBody className="py-6">
          <DriverForm staff={staff.filter((s) => !taken.has(s.userId)).map((s) => ({ userId: s.userId, name: s.name, email: s.email }))} canInvite={can(actor, "employees.write")} />
        </CardBody>
      </Card>
    </>
  );
}

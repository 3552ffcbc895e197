import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { redirect } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { listProducts } from "@/lib/catalog/list-products";
import { makeCtx } from "@/lib/ctx";
import { listRetailers } from "@/lib/network/connections";
import { istDay } from "@/lib/pricing/dates";
import { InvoiceForm } from "../_components/invoice-form";

export const metadata: Metadata = { title: "New invoice" };

export default async function NewInvoicePage() {
  const actor = await requireStaff();
  if (!can(actor, "billing.write")) redirect("/invoices");
  const ctx = makeCtx(actor);
  const [retailers, products] = await Promise.all([
    listRetailers(ctx, { status: "all", sort: "name", pageSize: 100 }).then((r) => r.items.filter((c) => c.status !== "PENDING")),
    listProducts(ctx, { active: "active", sort: "name", pageSize: 100 }).then((r) => r.items),
  ]);
  return (
    <>
      <PageHeader
        eyebrow={<Link href="/invoices" className="hover:underline">Invoices</Link>}
        title="New invoice"
        description="A tax invoice raised directly for a retailer. For goods that left on an order, invoice the order instead so its quantities are tracked."
      />
      <InvoiceForm
        today={istDay(new Date())}
        retailers={retailers.map((c) => ({ value: c.id, label: [c.retailer?.tradeName ?? c.retailer?.legalName ?? "—", c.customerCode].filter(Boolean).join(" · ") }))}
        products={products.map((p) => ({ id: p.id, label: `${p.name} · ${p.sku}`, unit: p.unit, hsnCode: p.hsnCode, gstRate: p.gstRate }))}
      />
    </>
  );
}

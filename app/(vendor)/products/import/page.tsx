import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { redirect } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { IMPORT_MAX_ROWS } from "@/lib/catalog/import/read-sheet";
import { formatIndianNumber } from "@/lib/format";
import { ImportForm } from "./import-form";

export const metadata: Metadata = { title: "Import products and prices" };

export default async function ImportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireStaff();
  if (!can(actor, "catalog.write")) redirect(can(actor, "catalog.read") ? "/products" : "/dashboard");
  const sp = await searchParams;
  const kind = sp.kind === "prices" ? "prices" : "products";
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href={kind === "prices" ? "/price-lists" : "/products"} className="hover:text-slate-800">
            ← {kind === "prices" ? "Price lists" : "Products"}
          </Link>
        }
        title="Import from a spreadsheet"
        description={`Upload a CSV or Excel (.xlsx) file of up to ${formatIndianNumber(IMPORT_MAX_ROWS, 0)} rows. We check every row first; nothing is saved until the whole file is correct.`}
      />
      <ImportForm initialKind={kind} />
    </>
  );
}

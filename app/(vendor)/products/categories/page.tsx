import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { redirect } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { countUncategorisedProducts } from "@/lib/catalog/count-uncategorised-products";
import { flattenCategoryTree, listCategoryTree } from "@/lib/catalog/list-category-tree";
import { makeCtx } from "@/lib/ctx";
import { CategoriesManager } from "./categories-manager";

export const metadata: Metadata = { title: "Categories" };

export default async function CategoriesPage() {
  const actor = await requireStaff();
  if (!can(actor, "catalog.read")) redirect("/dashboard");
  const ctx = makeCtx(actor);
  const [tree, uncategorised] = await Promise.all([listCategoryTree(ctx), countUncategorisedProducts(ctx)]);
  return (
    <div className="mx-auto max-w-4xl">
      <PageHeader
        eyebrow={
          <Link href="/products" className="hover:text-slate-800">
            ← Products
          </Link>
        }
        title="Categories"
        description="Group products into departments and aisles. Counts include every sub-category; retailers browse your catalog by these."
      />
      <CategoriesManager rows={flattenCategoryTree(tree)} uncategorised={uncategorised} canWrite={can(actor, "catalog.write")} />
    </div>
  );
}

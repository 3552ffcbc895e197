import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { redirect } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { flattenCategoryTree, listCategoryTree } from "@/lib/catalog/list-category-tree";
import { makeCtx } from "@/lib/ctx";
import { ProductForm } from "../_components/product-form";

export const metadata: Metadata = { title: "Add product" };

export default async function NewProductPage() {
  const actor = await requireStaff();
  if (!can(actor, "catalog.write")) redirect("/products");
  const categories = flattenCategoryTree(await listCategoryTree(makeCtx(actor))).map((c) => ({ id: c.id, name: c.name, depth: c.depth, productCount: c.productCount }));
  return (
    <div className="mx-auto max-w-5xl">
      <PageHeader
        eyebrow={
          <Link href="/products" className="hover:text-slate-800">
            ← Products
          </Link>
        }
        title="Add product"
        description="Fields marked * are required. You can add images and stock once the product is saved."
      />
      <ProductForm categories={categories} />
    </div>
  );
}

import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { notFound, redirect } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { getProductOrThrow } from "@/lib/catalog/get-product-or-throw";
import { flattenCategoryTree, listCategoryTree } from "@/lib/catalog/list-category-tree";
import { makeCtx } from "@/lib/ctx";
import { AppError } from "@/lib/errors";
import { ProductForm } from "../../_components/product-form";

export const metadata: Metadata = { title: "Edit product" };

export default async function EditProductPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireStaff();
  const { id } = await params;
  if (!can(actor, "catalog.write")) redirect(`/products/${id}`);
  const ctx = makeCtx(actor);
  let product;
  try {
    product = await getProductOrThrow(ctx, id);
  } catch (err) {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  }
  const categories = flattenCategoryTree(await listCategoryTree(ctx)).map((c) => ({ id: c.id, name: c.name, depth: c.depth, productCount: c.productCount }));
  // Only the editable fields travel to the browser.
  const { images: _images, stock: _stock, category: _category, available: _available, stockStatus: _status, ...editable } = product;
  return (
    <div className="mx-auto max-w-5xl">
      <PageHeader
        eyebrow={
          <Link href={`/products/${id}`} className="hover:text-slate-800">
            ← {product.name}
          </Link>
        }
        title="Edit product"
        description={<span className="font-mono">{product.sku}</span>}
      />
      <ProductForm product={editable} categories={categories} />
    </div>
  );
}

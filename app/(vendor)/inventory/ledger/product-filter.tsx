"use client";
// Choose the product whose ledger to read; the choice goes to the URL (?productId=).
import { useSearchParamsState } from "@/components/data-table/use-search-params-state";
import { ProductPicker } from "../_components/product-picker";

export function LedgerProductFilter({ product }: { product: { id: string; sku: string; name: string; unit: string } | null }) {
  const { update } = useSearchParamsState();
  return (
    <div className="w-full sm:w-80">
      <label htmlFor="ledger-product" className="sr-only">
        Product
      </label>
      <ProductPicker
        id="ledger-product"
        placeholder="All products — search to pick one"
        value={product ? { ...product, costPrice: null, onHand: "0", available: "0" } : null}
        onChange={(p) => update({ productId: p?.id ?? null })}
      />
    </div>
  );
}

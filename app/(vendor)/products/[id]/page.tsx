import type { Metadata } from "next";
import type { ReactNode } from "react";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { notFound, redirect } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, Td, TFoot, Th, THead, Tr } from "@/components/ui/table";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { PRODUCT_IMAGES_PER_PRODUCT } from "@/lib/catalog/catalog.schemas";
import { UNITS, type UnitCode } from "@/lib/catalog/units";
import { getProductOrThrow } from "@/lib/catalog/get-product-or-throw";
import { makeCtx } from "@/lib/ctx";
import { AppError } from "@/lib/errors";
import { formatDateTime, formatINR } from "@/lib/format";
import { formatQty, StockBadge } from "../_components/stock-badge";
import { ImagesManager } from "./images-manager";

export const metadata: Metadata = { title: "Product" };

export default async function ProductPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireStaff();
  if (!can(actor, "catalog.read")) redirect("/dashboard");
  const { id } = await params;
  const saved = (await searchParams).saved;
  let p;
  try {
    p = await getProductOrThrow(makeCtx(actor), id);
  } catch (err) {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  }
  const canWrite = can(actor, "catalog.write");
  const unitName = UNITS[p.unit as UnitCode] ?? p.unit;
  const ledgerHref = `/inventory/ledger?productId=${encodeURIComponent(p.id)}`;

  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/products" className="hover:text-slate-800">
            ← Products
          </Link>
        }
        title={p.name}
        meta={
          <>
            {!p.active && <Badge tone="neutral">Inactive</Badge>}
            <StockBadge status={p.stockStatus} />
          </>
        }
        description={
          <>
            <span className="font-mono">{p.sku}</span>
            {p.brand && <> · {p.brand}</>}
            {p.category && <> · {p.category.path.map((c) => c.name).join(" › ")}</>}
          </>
        }
        actions={
          <>
            <Link href={ledgerHref} className={buttonClasses({ variant: "secondary" })}>
              Stock ledger
            </Link>
            {canWrite && (
              <Link href={`/products/${p.id}/edit`} className={buttonClasses()}>
                Edit product
              </Link>
            )}
          </>
        }
      />

      {saved === "created" && (
        <Alert tone="success" className="mb-6" title="Product added">
          Add images below. Stock arrives with a goods receipt in Inventory.
        </Alert>
      )}
      {saved === "updated" && (
        <Alert tone="success" className="mb-6">
          Changes saved.
        </Alert>
      )}

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <Card>
            <CardHeader title="Key facts" />
            <CardBody className="py-5">
              <dl className="grid gap-x-6 gap-y-4 text-sm sm:grid-cols-3">
                <Item label="Selling price" value={<span className="text-base font-semibold tabular-nums text-slate-900">{formatINR(p.basePrice)}</span>} hint={`per ${p.unit}${p.taxInclusive ? ", GST included" : " + GST"}`} />
                <Item label="MRP" value={p.mrp ? formatINR(p.mrp) : "—"} />
                <Item label="Cost price" value={p.costPrice ? formatINR(p.costPrice) : "—"} />
                <Item label="HSN code" value={<span className="font-mono">{p.hsnCode}</span>} />
                <Item label="GST rate" value={`${p.gstRate}%`} hint={p.cessRate !== "0" ? `+ ${p.cessRate}% cess` : undefined} />
                <Item label="Barcode" value={p.barcode ? <span className="font-mono">{p.barcode}</span> : "—"} />
                <Item label="Unit" value={`${unitName} (${p.unit})`} />
                <Item label="Pack" value={p.packUnit && p.packSize ? `${p.packUnit} of ${formatQty(p.packSize, p.unit)}` : "—"} hint={p.sellInPacks ? "Sold in whole packs only" : undefined} />
                <Item label="Minimum order" value={formatQty(p.minOrderQty, p.unit)} />
                <Item label="Reorder level" value={formatQty(p.reorderLevel, p.unit)} hint="Low stock at or below this" />
                <Item label="Lead time" value={p.leadTimeDays === null ? "—" : `${p.leadTimeDays} ${p.leadTimeDays === 1 ? "day" : "days"}`} hint={p.leadTimeDays === null ? "The reorder report's default applies" : "Ordering to receiving"} />
                <Item label="Category" value={p.category ? p.category.path.map((c) => c.name).join(" › ") : "—"} />
                <Item label="Last changed" value={formatDateTime(p.updatedAt)} />
                {p.description && <Item label="Description" className="sm:col-span-3" value={<span className="whitespace-pre-line">{p.description}</span>} />}
              </dl>
            </CardBody>
          </Card>

          <Card>
            <CardHeader
              title="Stock by warehouse"
              description="Available = on hand − reserved for open orders. Inactive warehouses are not counted."
              actions={
                <Link href={ledgerHref} className="text-sm font-medium text-brand-700 hover:underline">
                  Stock ledger →
                </Link>
              }
            />
            {p.stock.length === 0 ? (
              <CardBody className="py-5 text-sm text-slate-500">No warehouses yet. Add one in Inventory to receive stock.</CardBody>
            ) : (
              <Table wrapperClassName="rounded-none border-x-0 border-b-0">
                <THead>
                  <tr>
                    <Th>Warehouse</Th>
                    <Th numeric>On hand</Th>
                    <Th numeric>Reserved</Th>
                    <Th numeric>Available</Th>
                  </tr>
                </THead>
                <TBody>
                  {p.stock.map((s) => (
                    <Tr key={s.warehouseId} className={s.active ? undefined : "text-slate-500"}>
                      <Td>
                        <span className={s.active ? "font-medium text-slate-900" : ""}>{s.name}</span> <span className="font-mono text-xs text-slate-500">{s.code}</span>
                        {!s.active && (
                          <Badge tone="neutral" className="ml-2">
                            Inactive
                          </Badge>
                        )}
                      </Td>
                      <Td className="text-right tabular-nums">{formatQty(s.onHand)}</Td>
                      <Td className="text-right tabular-nums">{formatQty(s.reserved)}</Td>
                      <Td className="text-right font-medium tabular-nums">{formatQty(s.available)}</Td>
                    </Tr>
                  ))}
                </TBody>
                <TFoot>
                  <tr>
                    <Td colSpan={3}>Available to sell</Td>
                    <Td className="text-right tabular-nums">{formatQty(p.available, p.unit)}</Td>
                  </tr>
                </TFoot>
              </Table>
            )}
          </Card>
        </div>

        <div className="space-y-6">
          <Card>
            <CardHeader title="Images" />
            <CardBody className="py-5">
              <ImagesManager productId={p.id} productName={p.name} images={p.images} canEdit={canWrite} max={PRODUCT_IMAGES_PER_PRODUCT} />
            </CardBody>
          </Card>
        </div>
      </div>
    </>
  );
}

function Item({ label, value, hint, className }: { label: string; value: ReactNode; hint?: string; className?: string }) {
  return (
    <div className={className}>
      <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">{label}</dt>
      <dd className="mt-1 text-slate-800 [overflow-wrap:anywhere]">{value}</dd>
      {hint && <dd className="mt-0.5 text-xs text-slate-500">{hint}</dd>}
    </div>
  );
}

import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Card, CardHeader } from "@/components/ui/card";
import { TFoot, Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { requireStaff } from "@/lib/auth/session";
import { makeCtx } from "@/lib/ctx";
import { AppError } from "@/lib/errors";
import { formatDate, formatDateTime, formatINR } from "@/lib/format";
import { getGoodsReceiptOrThrow } from "@/lib/inventory/goods-receipts";
import { formatQty, unitLabel } from "../../_components/format";
import { one, type SearchParams } from "@/lib/search-params";
import { Section } from "../../_components/section";

export const metadata: Metadata = { title: "Goods receipt" };

export default async function ReceiptPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: SearchParams }) {
  const actor = await requireStaff();
  const { id } = await params;
  const sp = await searchParams;
  const r = await getGoodsReceiptOrThrow(makeCtx(actor), id).catch((e) => {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  });
  return (
    <>
      <Section
        eyebrow={
          <Link href="/inventory/receipts" className="hover:text-slate-800">
            ← Receipts
          </Link>
        }
        title={<span className="font-mono">{r.number}</span>}
        description={`Received on ${formatDate(r.receivedAt)} into ${r.warehouse.code} · ${r.warehouse.name}`}
      />
      {one(sp.created) && (
        <Alert tone="success" className="mb-4" title={`${r.number} saved`}>
          The stock is on the shelf and in the ledger.
        </Alert>
      )}
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <Table aria-label="Products received">
          <THead>
            <tr>
              <Th>Product</Th>
              <Th numeric>Quantity</Th>
              <Th numeric>Unit cost</Th>
              <Th numeric>Amount</Th>
            </tr>
          </THead>
          <TBody>
            {r.lines.map((l) => (
              <Tr key={l.id}>
                <Td>
                  <Link href={`/inventory/ledger?productId=${l.product.id}&warehouseId=${r.warehouse.id}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
                    {l.product.name}
                  </Link>
                  <p className="font-mono text-xs text-slate-500">{l.product.sku}</p>
                </Td>
                <Td numeric>
                  {formatQty(l.quantity)} <span className="text-xs text-slate-500">{unitLabel(l.product.unit)}</span>
                </Td>
                <Td numeric>{l.unitCost ? formatINR(l.unitCost) : <span className="text-slate-500">—</span>}</Td>
                <Td numeric>{l.amount ? formatINR(l.amount) : <span className="text-slate-500">—</span>}</Td>
              </Tr>
            ))}
          </TBody>
          <TFoot>
            <tr>
              <Td colSpan={3} className="text-right">
                Total at cost
              </Td>
              <Td numeric className="font-semibold">
                {formatINR(r.totalCost)}
              </Td>
            </tr>
          </TFoot>
        </Table>
        <Card className="h-fit">
          <CardHeader title="Details" />
          <dl className="divide-y divide-slate-100 text-sm">
            {[
              ["Supplier", r.supplierName ?? "—"],
              ["Supplier invoice", r.supplierInvoiceNo ?? "—"],
              ["Warehouse", `${r.warehouse.code} · ${r.warehouse.name}`],
              ["Recorded by", r.createdBy ?? "—"],
              ["Recorded at", formatDateTime(r.createdAt)],
              ...(r.notes ? [["Notes", r.notes]] : []),
            ].map(([k, v]) => (
              <div key={k} className="flex justify-between gap-4 px-5 py-2.5">
                <dt className="text-slate-500">{k}</dt>
                <dd className="text-right text-slate-900">{v}</dd>
              </div>
            ))}
          </dl>
        </Card>
      </div>
    </>
  );
}

import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { requireStaff } from "@/lib/auth/session";
import { makeCtx } from "@/lib/ctx";
import { AppError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { getTransferOrThrow } from "@/lib/inventory/transfers";
import { formatQty, unitLabel } from "../../_components/format";
import { one, type SearchParams } from "@/lib/search-params";
import { Section } from "../../_components/section";

export const metadata: Metadata = { title: "Transfer" };

export default async function TransferPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: SearchParams }) {
  const actor = await requireStaff();
  const { id } = await params;
  const sp = await searchParams;
  const t = await getTransferOrThrow(makeCtx(actor), id).catch((e) => {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  });
  return (
    <>
      <Section
        eyebrow={
          <Link href="/inventory/transfers" className="hover:text-slate-800">
            ← Transfers
          </Link>
        }
        title={<span className="font-mono">{t.number}</span>}
        description={`${t.fromWarehouse.code} · ${t.fromWarehouse.name} → ${t.toWarehouse.code} · ${t.toWarehouse.name}. ${formatDateTime(t.createdAt)}${t.createdBy ? ` by ${t.createdBy}` : ""}.`}
      />
      {one(sp.created) && (
        <Alert tone="success" className="mb-4" title={`${t.number} saved`}>
          The stock has left {t.fromWarehouse.code} and arrived in {t.toWarehouse.code}.
        </Alert>
      )}
      {t.notes && <p className="mb-4 text-sm text-slate-600">{t.notes}</p>}
      <Table aria-label="Products transferred" wrapperClassName="max-w-3xl">
        <THead>
          <tr>
            <Th>Product</Th>
            <Th numeric>Quantity</Th>
          </tr>
        </THead>
        <TBody>
          {t.lines.map((l) => (
            <Tr key={l.id}>
              <Td>
                <Link href={`/inventory/ledger?productId=${l.product.id}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
                  {l.product.name}
                </Link>
                <p className="font-mono text-xs text-slate-500">{l.product.sku}</p>
              </Td>
              <Td numeric>
                {formatQty(l.quantity)} <span className="text-xs text-slate-500">{unitLabel(l.product.unit)}</span>
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
    </>
  );
}

// The order's lines with HSN and GST per line (CGST + SGST within the state, else IGST), and the totals.
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { formatINR, formatQuantity } from "@/lib/format";
import type { OrderView } from "@/lib/orders/views";

type Props = { lines: OrderView["lines"]; totals: OrderView["totals"]; taxType: OrderView["taxType"] };

/** Half of a GST rate for the CGST / SGST columns, for display ("2.5%"). */
const half = (rate: string) => `${formatQuantity(String(Number(rate) / 2))}%`;

export function OrderLines({ lines, totals, taxType }: Props) {
  const intra = taxType === "intra";
  const hasCess = lines.some((l) => Number(l.cessAmount) > 0);
  const returned = Number(totals.returned) > 0;
  return (
    <Card className="overflow-hidden">
      <CardHeader title={`Items (${lines.length})`} description={intra ? "Supply within the state: CGST and SGST, half the GST rate each." : "Inter-state supply: IGST at the full GST rate."} />
      <Table aria-label="Order lines" wrapperClassName="rounded-none border-x-0 border-t-0">
        <THead>
          <tr>
            <Th className="hidden w-10 pr-0 sm:table-cell">#</Th>
            <Th>Product</Th>
            <Th className="hidden md:table-cell">HSN</Th>
            <Th numeric>Qty</Th>
            <Th numeric className="hidden sm:table-cell">
              Rate
            </Th>
            <Th numeric className="hidden sm:table-cell">
              Taxable
            </Th>
            {intra ? (
              <>
                <Th numeric className="hidden lg:table-cell">
                  CGST
                </Th>
                <Th numeric className="hidden lg:table-cell">
                  SGST
                </Th>
              </>
            ) : (
              <Th numeric className="hidden lg:table-cell">
                IGST
              </Th>
            )}
            {hasCess && (
              <Th numeric className="hidden lg:table-cell">
                Cess
              </Th>
            )}
            <Th numeric>Total</Th>
          </tr>
        </THead>
        <TBody>
          {lines.map((l) => (
            <Tr key={l.id}>
              <Td muted className="hidden pr-0 tabular-nums sm:table-cell">
                {l.position + 1}
              </Td>
              <Td>
                <div className="min-w-32 sm:min-w-40">
                  <span className="font-medium text-slate-900">{l.name}</span>
                  {l.freeGoods && <FreeGoodsMark />}
                  <p className="text-xs text-slate-500">
                    <span className="font-mono">{l.sku}</span>
                    <span className="md:hidden"> · HSN {l.hsnCode}</span>
                    <span> · GST {formatQuantity(l.gstRate)}%</span>
                  </p>
                </div>
              </Td>
              <Td className="hidden font-mono text-[13px] md:table-cell">{l.hsnCode}</Td>
              <Td numeric>
                {formatQuantity(l.quantity)} <span className="text-xs text-slate-500">{l.unit}</span>
                {/* Phones have no rate column: the rate rides under the quantity. */}
                <span className="block text-xs text-slate-500 sm:hidden">{l.freeGoods ? "free" : `@ ${formatINR(l.unitPrice)}`}</span>
                {Number(l.returnedQty) > 0 && <span className="block text-xs text-warning-800">{formatQuantity(l.returnedQty)} returned</span>}
              </Td>
              <Td numeric className="hidden sm:table-cell">
                {formatINR(l.unitPrice)}
                {l.freeGoods ? <span className="block text-xs text-slate-500">free goods</span> : l.taxInclusive && <span className="block text-xs text-slate-500">incl. GST</span>}
              </Td>
              <Td numeric className="hidden sm:table-cell">
                {formatINR(l.taxableValue)}
              </Td>
              {intra ? (
                <>
                  <Td numeric className="hidden lg:table-cell">
                    {formatINR(l.cgstAmount)}
                    <span className="block text-xs text-slate-500">{half(l.gstRate)}</span>
                  </Td>
                  <Td numeric className="hidden lg:table-cell">
                    {formatINR(l.sgstAmount)}
                    <span className="block text-xs text-slate-500">{half(l.gstRate)}</span>
                  </Td>
                </>
              ) : (
                <Td numeric className="hidden lg:table-cell">
                  {formatINR(l.igstAmount)}
                  <span className="block text-xs text-slate-500">{formatQuantity(l.gstRate)}%</span>
                </Td>
              )}
              {hasCess && (
                <Td numeric className="hidden lg:table-cell">
                  {formatINR(l.cessAmount)}
                  <span className="block text-xs text-slate-500">{formatQuantity(l.cessRate)}%</span>
                </Td>
              )}
              <Td numeric className="font-medium text-slate-900">
                {formatINR(l.lineTotal)}
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
      <div className="flex justify-end bg-slate-50/60 px-5 py-4">
        <dl aria-label="Order totals" className="w-full max-w-xs space-y-1.5 text-sm">
          <Row label="Taxable value" value={totals.taxable} />
          {intra ? (
            <>
              <Row label="CGST" value={totals.cgst} />
              <Row label="SGST" value={totals.sgst} />
            </>
          ) : (
            <Row label="IGST" value={totals.igst} />
          )}
          {Number(totals.cess) > 0 && <Row label="Cess" value={totals.cess} />}
          <div className="flex justify-between gap-4 border-t border-slate-200 pt-2 text-base font-semibold text-slate-900">
            <dt>Grand total</dt>
            <dd className="tabular-nums">{formatINR(totals.grandTotal)}</dd>
          </div>
          {returned && <Row label="Returned" value={`-${totals.returned}`} tone="text-warning-800" />}
        </dl>
      </div>
    </Card>
  );
}

function Row({ label, value, tone }: { label: string; value: string; tone?: string }) {
  return (
    <div className={`flex justify-between gap-4 ${tone ?? "text-slate-600"}`}>
      <dt>{label}</dt>
      <dd className="text-slate-900 tabular-nums">{formatINR(value)}</dd>
    </div>
  );
}

/** A line given free under a scheme: no price, no taxable value, no tax. */
export function FreeGoodsMark() {
  return (
    <Badge tone="success" className="ml-2">
      Free goods
    </Badge>
  );
}

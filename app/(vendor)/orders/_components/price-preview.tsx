"use client";
// Live prices while an order is entered: the lines go to the price resolver (quotes action,
// debounced) and each line shows the retailer's unit price today and its amount. Exact rupee
// arithmetic (no floats); tax is worked out by the server when the order is saved.
import { useEffect, useRef, useState } from "react";
import { Spinner } from "@/components/ui/spinner";
import { formatINR, formatQuantity } from "@/lib/format";
import { lineAmount, qtyDifference, sumAmounts } from "../../inventory/_components/money";
import { quoteOrderLinesAction } from "../actions";

export type LineQuote = {
  unitPrice: string;
  /** Where the price comes from, in words. */
  source: string;
  taxInclusive: boolean;
  gstRate: string;
  nextSlab: { minQty: string; unitPrice: string } | null;
};
/** An edited order's line keeps its price while its quantity does not change. */
export type KeptPrice = LineQuote & { quantity: string };

const QTY = /^\d{1,11}(\.\d{1,3})?$/;
const sourceLabel = (source: string, listName: string | null) => (source === "base_price" ? "Base price" : `${listName ?? "Price list"}`);

export function usePriceQuotes(connectionId: string, lines: { productId: string; quantity: string }[], kept: Map<string, KeptPrice>) {
  const [state, setState] = useState<{ key: string; byProduct: Map<string, LineQuote>; error: string | null }>({ key: "", byProduct: new Map(), error: null });
  const seq = useRef(0);

  const valid = lines.filter((l) => l.productId && QTY.test(String(l.quantity ?? "").trim()) && Number(l.quantity) > 0);
  const unique = valid.filter((l, i) => valid.findIndex((x) => x.productId === l.productId) === i);
  const keptHere = new Map<string, LineQuote>();
  const toQuote = unique.filter((l) => {
    const k = kept.get(l.productId);
    if (k && qtyDifference(String(l.quantity).trim(), k.quantity) === "0.000") {
      keptHere.set(l.productId, k);
      return false;
    }
    return true;
  });
  const key = connectionId && toQuote.length ? JSON.stringify([connectionId, toQuote.map((l) => [l.productId, String(l.quantity).trim()])]) : "";

  useEffect(() => {
    if (!key) return;
    const n = ++seq.current;
    const t = setTimeout(async () => {
      const [conn, items] = JSON.parse(key) as [string, [string, string][]];
      const res = await quoteOrderLinesAction({ connectionId: conn, items: items.map(([productId, quantity]) => ({ productId, quantity })) });
      if (n !== seq.current) return;
      if (!res.ok) return setState({ key, byProduct: new Map(), error: res.error });
      setState({
        key,
        error: null,
        byProduct: new Map(res.data.items.map((q) => [q.productId, { unitPrice: q.unitPrice, source: sourceLabel(q.source, q.priceListName), taxInclusive: q.taxInclusive, gstRate: q.gstRate, nextSlab: q.nextSlab }])),
      });
    }, 350);
    return () => clearTimeout(t);
  }, [key]);

  const fresh = state.key === key ? state.byProduct : new Map<string, LineQuote>();
  const byProduct = new Map([...fresh, ...keptHere]);
  return { byProduct, loading: !!key && state.key !== key, error: state.key === key ? state.error : null };
}

export function LinePrice({ quote, quantity, loading }: { quote?: LineQuote; quantity: string; loading: boolean }) {
  if (!quote) {
    return <p className="flex h-9 items-center justify-end text-sm text-slate-500">{loading ? <Spinner size="sm" label="Pricing" /> : "—"}</p>;
  }
  const amount = lineAmount(String(quantity).trim(), quote.unitPrice);
  return (
    <div className="min-h-9 text-right text-sm">
      <p className="font-medium text-slate-900 tabular-nums">{amount ? formatINR(amount) : "—"}</p>
      <p className="text-xs text-slate-500 tabular-nums">
        {formatINR(quote.unitPrice)} each · {quote.taxInclusive ? "incl." : "+"} GST {formatQuantity(quote.gstRate)}%
      </p>
      <p className="text-xs text-slate-500">
        {quote.source}
        {quote.nextSlab && (
          <span className="text-success-700">
            {" "}
            · {formatQuantity(quote.nextSlab.minQty)}+ at {formatINR(quote.nextSlab.unitPrice)}
          </span>
        )}
      </p>
    </div>
  );
}

/** A line given free under a scheme: no price, no tax (the server prices it at 0). */
export function FreeGoodsPrice() {
  return (
    <div className="min-h-9 text-right text-sm">
      <p className="font-medium text-success-700">Free goods</p>
      <p className="text-xs text-slate-500">No charge, no GST on this line</p>
    </div>
  );
}

export function OrderValue({ lines, quotes, error }: { lines: { productId: string; quantity: string }[]; quotes: Map<string, LineQuote>; error: string | null }) {
  const amounts = lines.map((l) => {
    const q = quotes.get(l.productId);
    return q ? lineAmount(String(l.quantity ?? "").trim(), q.unitPrice) : null;
  });
  const priced = amounts.filter(Boolean).length;
  if (!error && !lines.some((l) => l.productId)) return null;
  return (
    <div className="text-right text-sm" aria-live="polite">
      {error ? (
        <p className="text-danger-700">Prices could not be shown: {error}</p>
      ) : (
        <>
          <p className="text-slate-600">
            Order value at these prices <span className="ml-2 text-base font-semibold text-slate-900 tabular-nums">{formatINR(sumAmounts(amounts))}</span>
          </p>
          <p className="mt-0.5 text-xs text-slate-500">
            {priced < lines.length ? `${priced} of ${lines.length} lines priced. ` : ""}GST on lines priced “+ GST” is added when the order is saved.
          </p>
        </>
      )}
    </div>
  );
}

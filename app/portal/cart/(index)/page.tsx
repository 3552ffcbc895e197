import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { BoxIcon, CartIcon } from "@/components/shell/icons";
import { Alert } from "@/components/ui/alert";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireRetailer } from "@/lib/auth/session";
import { makeCtx, type Ctx } from "@/lib/ctx";
import { formatINR, formatQuantity } from "@/lib/format";
import type { CartLineView, CartView } from "@/lib/orders/cart-view";
import { listMyCartViews } from "@/lib/orders/list-my-carts";
import { previewReorder } from "@/lib/orders/preview-reorder";
import { one, type SearchParams } from "@/lib/search-params";
import { CartLineControls } from "../_components/cart-line-controls";
import { ClearCartButton } from "../_components/clear-cart-button";

export const metadata: Metadata = { title: "Cart" };

const availabilityBadge: Record<string, { tone: BadgeTone; label: string }> = {
  in_stock: { tone: "success", label: "In stock" },
  low: { tone: "warning", label: "Low stock" },
  out: { tone: "danger", label: "Out of stock" },
};

export default async function CartPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireRetailer();
  const ctx = makeCtx(actor);
  const sp = await searchParams;
  const [views, reorder] = await Promise.all([listMyCartViews(ctx), reorderNotice(ctx, one(sp.reordered))]);

  return (
    <>
      <PageHeader
        title="Cart"
        description={views.length > 1 ? `${views.length} carts — each vendor's order is placed on its own.` : "Prices are today's, from your price list; GST is added per product."}
        actions={
          <Link href="/portal/catalog" className={buttonClasses({ variant: "secondary" })}>
            Continue shopping
          </Link>
        }
      />
      {reorder && <ReorderAlert notice={reorder} vendorName={views.find((v) => v.vendor.code === reorder.vendorCode)?.vendor.name ?? reorder.vendorCode} />}
      {views.length === 0 ? (
        <EmptyState
          bordered
          icon={<CartIcon />}
          title="Your cart is empty"
          description="Add products from a vendor's catalog, or reorder a past order in one tap."
          action={
            <div className="flex flex-wrap justify-center gap-2">
              <Link href="/portal/catalog" className={buttonClasses()}>
                Browse the catalog
              </Link>
              <Link href="/portal/orders" className={buttonClasses({ variant: "secondary" })}>
                Past orders
              </Link>
            </div>
          }
        />
      ) : (
        <div className="space-y-8">
          {views.map((cart) => (
            <VendorCart key={cart.vendor.code} cart={cart} />
          ))}
        </div>
      )}
    </>
  );
}

function VendorCart({ cart }: { cart: CartView }) {
  const code = cart.vendor.code;
  const blocking = cart.lines.filter((l) => l.problems.some((p) => p.blocking)).length;
  return (
    <section id={`cart-${code}`} aria-labelledby={`cart-${code}-title`} className="scroll-mt-32">
      <Card>
        <div className="flex flex-wrap items-start justify-between gap-3 border-b border-slate-200 px-4 py-4 sm:px-5">
          <div className="min-w-0">
            <h2 id={`cart-${code}-title`} className="text-base font-semibold text-slate-900">
              {cart.vendor.name}
            </h2>
            <p className="mt-0.5 text-sm text-slate-500">
              {cart.totals.lineCount} {cart.totals.lineCount === 1 ? "product" : "products"}
              {cart.connection.priceListName ? ` · your "${cart.connection.priceListName}" prices` : ""}
            </p>
          </div>
          <div className="flex items-center gap-1">
            <Link href={`/portal/catalog?vendor=${encodeURIComponent(code)}`} className={buttonClasses({ variant: "ghost", size: "sm" })}>
              Add products
            </Link>
            <ClearCartButton vendorCode={code} vendorName={cart.vendor.name} />
          </div>
        </div>
        {!cart.connection.orderable && (
          <Alert tone="warning" title={`${cart.vendor.name} has paused orders from you`} className="mx-4 mt-4 sm:mx-5">
            You can keep or remove these products; contact the vendor to resume ordering.
          </Alert>
        )}
        <ul aria-label={`Products in your ${cart.vendor.name} cart`} className="divide-y divide-slate-100">
          {cart.lines.map((line) => (
            <CartLine key={`${line.productId}:${line.quantity}`} line={line} vendorCode={code} canChange={cart.connection.orderable} />
          ))}
        </ul>
        <CartTotals cart={cart} />
        <div className="flex flex-col-reverse gap-3 rounded-b-lg border-t border-slate-200 bg-slate-50 px-4 py-3 sm:flex-row sm:items-center sm:justify-end sm:px-5">
          {blocking > 0 && (
            <p className="text-sm text-danger-700 sm:mr-auto">
              Fix {blocking === 1 ? "the product" : `${blocking} products`} marked above to place this order.
            </p>
          )}
          {cart.canCheckout ? (
            <Link href={`/portal/cart/${encodeURIComponent(code)}/checkout`} className={buttonClasses({ className: "w-full sm:w-auto" })}>
              Checkout · {formatINR(cart.totals.grandTotal)}
            </Link>
          ) : (
            <span aria-disabled="true" className={buttonClasses({ className: "pointer-events-none w-full opacity-55 sm:w-auto" })}>
              Checkout · {formatINR(cart.totals.grandTotal)}
            </span>
          )}
        </div>
      </Card>
    </section>
  );
}

function CartLine({ line, vendorCode, canChange }: { line: CartLineView; vendorCode: string; canChange: boolean }) {
  const badge = availabilityBadge[line.availability];
  const toSlab = line.nextSlab ? Number(line.nextSlab.minQty) - Number(line.quantity) : 0;
  return (
    <li className="px-4 py-4 sm:px-5">
      <div className="flex gap-3">
        <div className="flex size-12 shrink-0 items-center justify-center overflow-hidden rounded-lg bg-slate-100 text-slate-500">
          {line.imageUrl ? (
            // eslint-disable-next-line @next/next/no-img-element -- a private, authenticated image route; next/image would proxy it
            <img src={line.imageUrl} alt="" className="size-full object-cover" />
          ) : (
            <BoxIcon className="size-6" />
          )}
        </div>
        <div className="min-w-0 flex-1">
          <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
            <div className="min-w-0">
              <h3 className={line.active ? "font-medium text-slate-900" : "font-medium text-slate-500 line-through"}>{line.name}</h3>
              <p className="mt-0.5 text-xs text-slate-500">
                <span className="font-mono">{line.sku}</span> · HSN {line.hsnCode}
              </p>
              <p className="mt-1.5 text-sm text-slate-700 tabular-nums">
                {formatINR(line.unitPrice)} / {line.unit}
                <span className="text-slate-500"> · {line.taxInclusive ? "incl." : `+ ${formatQuantity(line.gstRate)}%`} GST</span>
              </p>
              <div className="mt-1.5 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-600">
                <Badge tone={badge.tone} dot>
                  {line.availableQty !== null && line.availability !== "out" ? `${formatQuantity(line.availableQty)} ${line.unit} available` : badge.label}
                </Badge>
                {line.nextSlab && (
                  <span className="font-medium text-success-700">
                    {formatQuantity(line.nextSlab.minQty)}+ at {formatINR(line.nextSlab.unitPrice)}
                    {toSlab > 0 ? ` — add ${formatQuantity(String(toSlab))} more` : ""}
                  </span>
                )}
                {line.pack && (
                  <span>
                    {line.pack.unit} of {formatQuantity(line.pack.size)} {line.unit}
                    {line.pack.wholePacksOnly ? " · whole packs" : ""}
                  </span>
                )}
                {Number(line.minOrderQty) > 1 && <span>Min. {formatQuantity(line.minOrderQty, line.unit)}</span>}
              </div>
              {line.problems.length > 0 && (
                <ul className="mt-2 space-y-1">
                  {line.problems.map((p) => (
                    <li key={p.code} className={p.blocking ? "text-sm font-medium text-danger-700" : "text-sm text-warning-800"}>
                      {p.message}
                    </li>
                  ))}
                </ul>
              )}
            </div>
            <CartLineControls
              vendorCode={vendorCode}
              productId={line.productId}
              productName={line.name}
              unit={line.unit}
              quantity={line.quantity}
              min={line.stepper.min}
              step={line.stepper.step}
              suggestedQuantity={line.suggestedQuantity}
              canChange={canChange && line.active}
            />
          </div>
          <p className="mt-2 flex flex-wrap items-baseline justify-between gap-x-3 text-sm tabular-nums">
            <span className="text-xs text-slate-500">
              {formatINR(line.taxableValue)} + GST {formatINR(line.taxAmount)}
            </span>
            <span className="font-semibold text-slate-900">{formatINR(line.lineTotal)}</span>
          </p>
        </div>
      </div>
    </li>
  );
}

function CartTotals({ cart }: { cart: CartView }) {
  const t = cart.totals;
  const rows: [string, string][] = [["Taxable value", t.taxable]];
  if (cart.taxType === "intra") rows.push(["CGST", t.cgst], ["SGST", t.sgst]);
  else rows.push(["IGST", t.igst]);
  if (Number(t.cess) > 0) rows.push(["Cess", t.cess]);
  return (
    <dl className="space-y-1 border-t border-slate-200 px-4 py-4 text-sm sm:px-5">
      {rows.map(([label, value]) => (
        <div key={label} className="flex justify-between gap-4 text-slate-600">
          <dt>{label}</dt>
          <dd className="tabular-nums">{formatINR(value)}</dd>
        </div>
      ))}
      <div className="flex justify-between gap-4 pt-1 text-base font-semibold text-slate-900">
        <dt>Total</dt>
        <dd className="tabular-nums">{formatINR(t.grandTotal)}</dd>
      </div>
      <p className="text-xs text-slate-500">GST is an estimate for delivery to {cart.defaultShippingAddress.stateName ?? "your state"}; the order confirms it.</p>
    </dl>
  );
}

type ReorderNotice = { number: string; vendorCode: string; added: number; flagged: { name: string; message: string | null }[]; priceChanged: { name: string; message: string | null }[] };

/** After a one-tap reorder: what went into the cart and what did not (the preview at today's prices says so again). */
async function reorderNotice(ctx: Ctx, orderId: string | undefined): Promise<ReorderNotice | null> {
  if (!orderId) return null;
  try {
    const p = await previewReorder(ctx, orderId);
    const ok = p.lines.filter((l) => l.status === "ok" || l.status === "price_changed");
    return {
      number: p.sourceOrder.number,
      vendorCode: p.vendorCode,
      added: ok.length,
      flagged: p.lines.filter((l) => !ok.includes(l)).map((l) => ({ name: l.name, message: l.message })),
      priceChanged: p.lines.filter((l) => l.status === "price_changed").map((l) => ({ name: l.name, message: l.message })),
    };
  } catch {
    return null; // a stale or foreign link: no notice
  }
}

function ReorderAlert({ notice, vendorName }: { notice: ReorderNotice; vendorName: string }) {
  const flagged = notice.flagged.length > 0;
  return (
    <Alert
      tone={flagged ? "warning" : "success"}
      title={`${notice.added} ${notice.added === 1 ? "product" : "products"} from order ${notice.number} added to your ${vendorName} cart at today's prices`}
      className="mb-6"
      actions={
        notice.added > 0 ? (
          <a href={`#cart-${notice.vendorCode}`} className="text-sm font-medium whitespace-nowrap underline underline-offset-2">
            View cart
          </a>
        ) : undefined
      }
    >
      {(flagged || notice.priceChanged.length > 0) && (
        <ul className="mt-1 list-disc space-y-0.5 pl-4">
          {notice.flagged.map((l) => (
            <li key={l.name}>
              <span className="font-medium">{l.name}</span> — not added: {l.message ?? "not available"}
            </li>
          ))}
          {notice.priceChanged.map((l) => (
            <li key={l.name}>
              <span className="font-medium">{l.name}</span> — {l.message}
            </li>
          ))}
        </ul>
      )}
    </Alert>
  );
}

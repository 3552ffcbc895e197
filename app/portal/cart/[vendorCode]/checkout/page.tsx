import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { notFound, redirect } from "next/navigation";
import { ChevronLeftIcon } from "@/components/shell/icons";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireRetailer } from "@/lib/auth/session";
import { makeCtx } from "@/lib/ctx";
import { AppError } from "@/lib/errors";
import { formatINR, formatQuantity } from "@/lib/format";
import { getCart } from "@/lib/orders/get-cart";
import { CheckoutForm } from "./checkout-form";

export const metadata: Metadata = { title: "Checkout" };

export default async function CheckoutPage({ params }: { params: Promise<{ vendorCode: string }> }) {
  const actor = await requireRetailer();
  const { vendorCode } = await params;
  const cart = await getCart(makeCtx(actor), decodeURIComponent(vendorCode)).catch((err) => {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  });
  if (cart.lines.length === 0) redirect("/portal/cart");
  const t = cart.totals;
  const taxRows: [string, string][] = cart.taxType === "intra" ? [["CGST", t.cgst], ["SGST", t.sgst]] : [["IGST", t.igst]];
  if (Number(t.cess) > 0) taxRows.push(["Cess", t.cess]);

  return (
    <>
      <PageHeader
        eyebrow={
          <Link href={`/portal/cart#cart-${cart.vendor.code}`} className="inline-flex items-center gap-1 hover:text-slate-800">
            <ChevronLeftIcon className="size-4" />
            Cart
          </Link>
        }
        title="Checkout"
        description={`Your order to ${cart.vendor.name}. Stock is reserved for you as soon as you place it.`}
      />
      {!cart.canCheckout && (
        <Alert
          tone="warning"
          title={cart.connection.orderable ? "Some products in this cart need a change first" : `${cart.vendor.name} has paused orders from you`}
          className="mb-6"
          actions={
            <Link href={`/portal/cart#cart-${cart.vendor.code}`} className={buttonClasses({ variant: "secondary", size: "sm" })}>
              Back to cart
            </Link>
          }
        >
          {cart.connection.orderable ? "Minimum order, whole packs or a product no longer sold: fix them in the cart, then come back." : "Contact the vendor to resume ordering."}
        </Alert>
      )}
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-5">
        <section aria-labelledby="summary-title" className="lg:order-last lg:col-span-2">
          <Card className="lg:sticky lg:top-32">
            <h2 id="summary-title" className="border-b border-slate-200 px-4 py-3 text-[15px] font-semibold text-slate-900 sm:px-5">
              Order summary
            </h2>
            <ul className="divide-y divide-slate-100 text-sm">
              {cart.lines.map((l) => (
                <li key={l.productId} className="flex justify-between gap-3 px-4 py-2.5 sm:px-5">
                  <span className="min-w-0">
                    <span className="block text-slate-900">{l.name}</span>
                    <span className="block text-xs text-slate-500 tabular-nums">
                      {formatQuantity(l.quantity, l.unit)} × {formatINR(l.unitPrice)}
                      {l.problems.length > 0 && <span className="text-danger-700"> · {l.problems[0].message}</span>}
                    </span>
                  </span>
                  <span className="shrink-0 font-medium text-slate-900 tabular-nums">{formatINR(l.lineTotal)}</span>
                </li>
              ))}
            </ul>
            <dl className="space-y-1 border-t border-slate-200 px-4 py-3 text-sm sm:px-5">
              {[["Taxable value", t.taxable] as [string, string], ...taxRows].map(([label, value]) => (
                <div key={label} className="flex justify-between text-slate-600">
                  <dt>{label}</dt>
                  <dd className="tabular-nums">{formatINR(value)}</dd>
                </div>
              ))}
              <div className="flex justify-between pt-1 text-base font-semibold text-slate-900">
                <dt>Total</dt>
                <dd className="tabular-nums">{formatINR(t.grandTotal)}</dd>
              </div>
            </dl>
          </Card>
        </section>
        <div className="lg:col-span-3">
          <CheckoutForm vendorCode={cart.vendor.code} vendorName={cart.vendor.name} defaultAddress={cart.defaultShippingAddress} total={t.grandTotal} disabled={!cart.canCheckout} />
        </div>
      </div>
    </>
  );
}

"use client";
// Where the order goes, the buyer's reference and notes, then "Place order". The address stays the
// default (connection's shipping address, else the business address) unless the retailer opens
// "Ship somewhere else"; only then is an address sent, so the vendor's place of supply holds.
import { zodResolver } from "@hookform/resolvers/zod";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { useState, useTransition } from "react";
import { useForm, type Resolver } from "react-hook-form";
import { applyServerErrors } from "@/components/form/field-errors";
import { PostalAddress } from "@/components/ui/postal-address";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { formatINR } from "@/lib/format";
import { activeGstStates } from "@/lib/integrations/gst/states";
import { checkoutInput } from "@/lib/orders/orders.schemas";
import { checkoutAction } from "../../actions";

type Address = { name: string; line1: string; line2: string | null; city: string; stateCode: string; stateName: string | null; pincode: string };
type Values = {
  vendorCode: string;
  shippingAddress?: { name: string; line1: string; line2: string; city: string; stateCode: string; pincode: string };
  buyerReference: string;
  notes: string;
};

const fields = ["shippingAddress.name", "shippingAddress.line1", "shippingAddress.line2", "shippingAddress.city", "shippingAddress.stateCode", "shippingAddress.pincode", "buyerReference", "notes"] as const;
const stateOptions = activeGstStates.map((s) => ({ value: s.code, label: s.name }));

export function CheckoutForm({
  vendorCode,
  vendorName,
  defaultAddress,
  total,
  disabled,
}: {
  vendorCode: string;
  vendorName: string;
  defaultAddress: Address;
  total: string;
  disabled: boolean;
}) {
  const [elsewhere, setElsewhere] = useState(false);
  const [error, setFormError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const { register, handleSubmit, setError, formState } = useForm<Values>({
    resolver: zodResolver(checkoutInput) as unknown as Resolver<Values>,
    shouldUnregister: true,
    defaultValues: { vendorCode, buyerReference: "", notes: "" },
  });
  const errors = formState.errors;
  const addrErr = (k: keyof NonNullable<Values["shippingAddress"]>) => errors.shippingAddress?.[k]?.message as string | undefined;

  const onSubmit = handleSubmit((values) =>
    start(async () => {
      setFormError(null);
      const res = await checkoutAction({ ...values, vendorCode, shippingAddress: elsewhere ? values.shippingAddress : undefined });
      // Success redirects to the new order; we only get here when it was refused.
      if (res && !res.ok) setFormError(applyServerErrors(setError, res, fields));
    }),
  );

  const a = defaultAddress;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6">
      {error && (
        <Alert
          tone="danger"
          title="The order was not placed"
          actions={
            <Link href={`/portal/cart#cart-${vendorCode}`} className={buttonClasses({ variant: "secondary", size: "sm" })}>
              Back to cart
            </Link>
          }
        >
          <p>{error}</p>
          <p className="mt-1">Your cart is unchanged.</p>
        </Alert>
      )}
      <input type="hidden" {...register("vendorCode")} />
      <Card className="p-4 sm:p-5">
        <div className="flex flex-wrap items-start justify-between gap-2">
          <h2 className="text-[15px] font-semibold text-slate-900">Ship to</h2>
          <Button variant="ghost" size="sm" onClick={() => setElsewhere((v) => !v)} aria-expanded={elsewhere} aria-controls="ship-elsewhere">
            {elsewhere ? "Use my usual address" : "Ship somewhere else"}
          </Button>
        </div>
        {!elsewhere ? (
          <PostalAddress address={a} className="mt-2 text-sm" />
        ) : (
          <div id="ship-elsewhere" className="mt-4 grid grid-cols-1 gap-4 sm:grid-cols-2">
            <Field id="ship-name" label="Name" required error={addrErr("name")} className="sm:col-span-2">
              <Input autoComplete="organization" defaultValue={a.name} {...register("shippingAddress.name")} />
            </Field>
            <Field id="ship-line1" label="Address" required error={addrErr("line1")} className="sm:col-span-2">
              <Input autoComplete="address-line1" defaultValue={a.line1} {...register("shippingAddress.line1")} />
            </Field>
            <Field id="ship-line2" label="Address line 2" error={addrErr("line2")} className="sm:col-span-2">
              <Input autoComplete="address-line2" defaultValue={a.line2 ?? ""} {...register("shippingAddress.line2")} />
            </Field>
            <Field id="ship-city" label="City" required error={addrErr("city")}>
              <Input autoComplete="address-level2" defaultValue={a.city} {...register("shippingAddress.city")} />
            </Field>
            <Field id="ship-pincode" label="PIN code" required error={addrErr("pincode")}>
              <Input inputMode="numeric" maxLength={6} autoComplete="postal-code" className="tabular-nums" defaultValue={a.pincode} {...register("shippingAddress.pincode")} />
            </Field>
            <Field id="ship-state" label="State" required hint="GST follows the state the goods go to." error={addrErr("stateCode")} className="sm:col-span-2">
              <Select placeholder="Select a state" options={stateOptions} defaultValue={a.stateCode} {...register("shippingAddress.stateCode")} />
            </Field>
          </div>
        )}
      </Card>
      <Card className="grid grid-cols-1 gap-4 p-4 sm:p-5">
        <Field id="buyerReference" label="Your reference" hint="Your purchase order number, if you use one; it is printed on the invoice." error={errors.buyerReference?.message as string | undefined}>
          <Input maxLength={60} autoComplete="off" {...register("buyerReference")} />
        </Field>
        <Field id="notes" label={`Notes for ${vendorName}`} hint="Delivery timings, a landmark, anything they should know." error={errors.notes?.message as string | undefined}>
          <Textarea rows={3} maxLength={1000} {...register("notes")} />
        </Field>
      </Card>
      <div className="flex flex-col-reverse gap-3 sm:flex-row sm:items-center sm:justify-end">
        <Link href={`/portal/cart#cart-${vendorCode}`} className={buttonClasses({ variant: "ghost", className: "w-full sm:w-auto" })}>
          Back to cart
        </Link>
        <Button type="submit" loading={pending} disabled={disabled} className="w-full sm:w-auto">
          Place order · {formatINR(total)}
        </Button>
      </div>
    </form>
  );
}

"use client";
// Entering an order for a retailer (new) or changing a placed one (edit): retailer, warehouse,
// products with a live price preview from the price resolver, where the goods go, and notes.
// A line can be marked free goods (a scheme's "get 1 free": no price, no tax). Quantities take the
// keypad and the decimals of the product's unit. The server prices, taxes and checks everything
// again when the order is saved.
import { zodResolver } from "@hookform/resolvers/zod";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { useState, useTransition } from "react";
import { useFieldArray, useForm, useWatch, type Resolver } from "react-hook-form";
import { applyServerErrors } from "@/components/form/field-errors";
import { FormSection } from "@/components/form/form-section";
import { lineUnitChecks, withUnitQuantities } from "@/components/form/unit-quantities";
import { PlusIcon, XIcon } from "@/components/shell/icons";
import { PostalAddress } from "@/components/ui/postal-address";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { activeGstStates } from "@/lib/integrations/gst/states";
import { editOrderInput, placeOrderInput } from "@/lib/orders/orders.schemas";
import { LineQuantityField, ProductLineField } from "../../inventory/_components/product-line-fields";
import type { PickedProduct } from "../../inventory/_components/product-picker";
import { editOrderAction, placeOrderAction } from "../actions";
import { FreeGoodsPrice, LinePrice, OrderValue, usePriceQuotes, type KeptPrice } from "./price-preview";

export type RetailerOption = {
  connectionId: string;
  name: string;
  customerCode: string | null;
  gstin: string | null;
  /** Where goods go when no other address is given (the connection's, else the retailer's). */
  defaultAddress: Address;
};
export type WarehouseOption = { id: string; code: string; name: string; isDefault: boolean };
type Address = { name: string; line1: string; line2: string; city: string; stateCode: string; pincode: string };

type Line = { productId: string; quantity: string; freeGoods: boolean };
type Values = {
  connectionId: string;
  warehouseId: string;
  lines: Line[];
  shipElsewhere: boolean;
  shippingAddress: Address;
  buyerReference: string;
  notes: string;
};

type EditOf = { orderId: string; number: string; retailer: RetailerOption; lines: (Line & { product: PickedProduct; price: KeptPrice })[]; shippingAddress: Address; buyerReference: string; notes: string };

const emptyLine: Line = { productId: "", quantity: "", freeGoods: false };
const stateOptions = activeGstStates.map((s) => ({ value: s.code, label: `${s.name} (${s.code})` }));

/** The form's values as the domain input: the address only when it differs from the default. */
function toInput(v: Values, mode: "new" | "edit") {
  const common = {
    lines: v.lines.map((l) => ({ productId: l.productId, quantity: l.quantity, ...(l.freeGoods ? { freeGoods: true } : {}) })),
    shippingAddress: v.shipElsewhere ? v.shippingAddress : undefined,
    buyerReference: v.buyerReference,
    notes: v.notes,
  };
  return mode === "new" ? { connectionId: v.connectionId, warehouseId: v.warehouseId || undefined, ...common } : common;
}

export function OrderForm(props: { mode: "new"; retailers: RetailerOption[]; warehouses: WarehouseOption[]; initialConnectionId?: string } | { mode: "edit"; edit: EditOf; warehouses?: undefined; retailers?: undefined }) {
  const { mode } = props;
  const edit = props.mode === "edit" ? props.edit : null;
  const retailers = props.mode === "new" ? props.retailers : [props.edit.retailer];
  const warehouses = props.warehouses ?? [];
  const [error, setFormError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const [submitting, setSubmitting] = useState<"draft" | "place" | null>(null);
  const [picked, setPicked] = useState<Record<string, PickedProduct | null>>({});

  const schema = mode === "new" ? placeOrderInput : editOrderInput;
  const zod: Resolver<Values> = (values, ctx, opts) => (zodResolver(schema) as unknown as Resolver<Values>)(toInput(values, mode) as unknown as Values, ctx, opts);
  const units = { ...Object.fromEntries((edit?.lines ?? []).map((l) => [`edit-${l.productId}`, l.product])), ...picked };
  const resolver = withUnitQuantities(zod, (v) => lineUnitChecks(v.lines, units));
  const initialRetailer = edit?.retailer ?? retailers.find((r) => r.connectionId === (props.mode === "new" ? props.initialConnectionId : undefined)) ?? null;
  const { register, control, handleSubmit, setError, setValue, getValues, formState } = useForm<Values>({
    resolver,
    defaultValues: {
      connectionId: initialRetailer?.connectionId ?? "",
      warehouseId: warehouses.find((w) => w.isDefault)?.id ?? warehouses[0]?.id ?? "",
      lines: edit ? edit.lines.map((l) => ({ productId: l.productId, quantity: l.quantity, freeGoods: l.freeGoods })) : [{ ...emptyLine }],
      shipElsewhere: false,
      shippingAddress: edit?.shippingAddress ?? initialRetailer?.defaultAddress ?? { name: "", line1: "", line2: "", city: "", stateCode: "", pincode: "" },
      buyerReference: edit?.buyerReference ?? "",
      notes: edit?.notes ?? "",
    },
  });
  const { fields, append, remove } = useFieldArray({ control, name: "lines" });
  const connectionId = useWatch({ control, name: "connectionId" });
  const warehouseId = useWatch({ control, name: "warehouseId" });
  const lines = useWatch({ control, name: "lines" });
  const shipElsewhere = useWatch({ control, name: "shipElsewhere" });
  const retailer = retailers.find((r) => r.connectionId === connectionId) ?? null;
  const errors = formState.errors;

  // Lines kept unchanged in an edit keep their order price; the rest show today's price. Free
  // goods have no price to look up.
  const paidLines = lines.filter((l) => !l.freeGoods);
  const kept = new Map((edit?.lines ?? []).filter((l) => !l.freeGoods).map((l) => [l.productId, l.price]));
  const quotes = usePriceQuotes(connectionId, paidLines, kept);

  const fieldNames = [
    "connectionId",
    "warehouseId",
    "lines",
    "buyerReference",
    "notes",
    ...["name", "line1", "line2", "city", "stateCode", "pincode"].map((k) => `shippingAddress.${k}`),
    ...lines.flatMap((_, i) => [`lines.${i}.productId`, `lines.${i}.quantity`, `lines.${i}.freeGoods`]),
  ];

  const send = (draft: boolean) =>
    handleSubmit(() =>
      start(async () => {
        setFormError(null);
        setSubmitting(draft ? "draft" : "place");
        const input = toInput(getValues(), mode);
        const res = edit ? await editOrderAction(edit.orderId, input) : await placeOrderAction({ ...input, ...(draft ? { draft: true } : {}) });
        setSubmitting(null);
        // Success redirects to the order; only failures come back.
        if (res && !res.ok) setFormError(applyServerErrors(setError, res, fieldNames));
      }),
      // A banner from an earlier server answer would be stale next to fresh field errors.
      () => setFormError(null),
    );

  return (
    <form onSubmit={send(false)} noValidate className="divide-y divide-slate-200">
      {error && (
        <Alert tone="danger" className="mb-6">
          {error}
        </Alert>
      )}
      <FormSection title="Order for" description={mode === "new" ? "Only retailers with an active connection can order." : "The retailer of an order cannot change."}>
        {mode === "new" ? (
          <Field id="connectionId" label="Retailer" required error={errors.connectionId?.message} className="sm:col-span-2">
            <Select
              {...register("connectionId", {
                onChange: (e) => {
                  const r = retailers.find((x) => x.connectionId === e.target.value);
                  if (r) setValue("shippingAddress", r.defaultAddress);
                },
              })}
              placeholder="Choose a retailer"
              options={retailers.map((r) => ({ value: r.connectionId, label: [r.name, r.customerCode].filter(Boolean).join(" · ") }))}
            />
          </Field>
        ) : (
          <div className="text-sm sm:col-span-2">
            <p className="font-medium text-slate-900">{edit!.retailer.name}</p>
            <p className="text-slate-500">{[edit!.retailer.customerCode, edit!.retailer.gstin].filter(Boolean).join(" · ") || "No GSTIN"}</p>
          </div>
        )}
        {mode === "new" && warehouses.length > 0 && (
          <Field id="warehouseId" label="Ship from" hint="Stock is reserved in this warehouse." error={errors.warehouseId?.message}>
            <Select {...register("warehouseId")} options={warehouses.map((w) => ({ value: w.id, label: `${w.code} · ${w.name}${w.isDefault ? " (default)" : ""}` }))} />
          </Field>
        )}
        <Field id="buyerReference" label="Retailer's PO number" hint="Optional: their purchase order reference." error={errors.buyerReference?.message}>
          <Input autoComplete="off" {...register("buyerReference")} />
        </Field>
      </FormSection>

      <section aria-labelledby="lines-heading" className="py-6">
        <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="lines-heading" className="text-[15px] font-semibold text-slate-900">
            Products
          </h2>
          {errors.lines?.message ? (
            <p role="alert" className="text-xs text-danger-700">
              {errors.lines.message}
            </p>
          ) : (
            <p className="text-xs text-slate-500">{retailer ? "Prices are this retailer's, for today and the quantity entered." : "Choose the retailer to see their prices."}</p>
          )}
        </div>
        <div className="hidden grid-cols-[minmax(0,1fr)_10rem_11rem_2.25rem] gap-3 px-1 pb-1.5 text-xs font-medium tracking-wide text-slate-500 uppercase md:grid">
          <span>Product</span>
          <span className="text-right">Quantity</span>
          <span className="text-right">Price · amount</span>
          <span />
        </div>
        <ol className="space-y-3">
          {fields.map((f, i) => {
            const e = errors.lines?.[i];
            const initial = edit?.lines.find((l) => l.productId === f.productId)?.product ?? null;
            const product = f.id in picked ? picked[f.id]! : initial;
            const line = lines[i];
            return (
              <li key={f.id} className="grid grid-cols-[minmax(0,1fr)_minmax(0,1fr)_2.25rem] gap-3 rounded-lg border border-slate-200 p-3 md:grid-cols-[minmax(0,1fr)_10rem_11rem_2.25rem] md:items-start md:border-0 md:p-1">
                <ProductLineField control={control} index={i} error={e?.productId?.message} value={product} onPick={(p) => setPicked((m) => ({ ...m, [f.id]: p }))} warehouseId={warehouseId || undefined} placeholder="Search product by SKU, name or barcode" className="col-span-3 md:col-span-1" />
                <LineQuantityField register={register} index={i} error={e?.quantity?.message} unit={product?.unit} />
                <div>
                  {line?.freeGoods ? <FreeGoodsPrice /> : <LinePrice quote={line?.productId ? quotes.byProduct.get(line.productId) : undefined} quantity={line?.quantity ?? ""} loading={quotes.loading} />}
                  <label className="mt-1 flex items-center justify-end gap-1.5 text-xs text-slate-600">
                    <input type="checkbox" className="size-3.5 rounded border-slate-300 accent-brand-600" aria-label={`Free goods, line ${i + 1}`} {...register(`lines.${i}.freeGoods`)} />
                    Free goods
                  </label>
                  {e?.freeGoods?.message && <p className="text-right text-xs text-danger-700">{e.freeGoods.message}</p>}
                </div>
                <div className="flex h-9 items-center justify-end">
                  <Button variant="ghost" size="sm" className="px-2" disabled={fields.length === 1} onClick={() => remove(i)} aria-label={`Remove line ${i + 1}`}>
                    <XIcon className="size-4" />
                  </Button>
                </div>
              </li>
            );
          })}
        </ol>
        <div className="mt-3 flex flex-wrap items-start justify-between gap-3 px-1">
          <Button variant="secondary" size="sm" onClick={() => append({ ...emptyLine })}>
            <PlusIcon className="size-4" />
            Add product
          </Button>
          <OrderValue lines={paidLines} quotes={quotes.byProduct} error={quotes.error} />
        </div>
      </section>

      <FormSection title="Delivery" description="Where the goods go. The state of the address is the GST place of supply.">
        <div className="text-sm sm:col-span-2">
          {retailer || edit ? (
            !shipElsewhere && <AddressBlock address={edit?.shippingAddress ?? retailer!.defaultAddress} />
          ) : (
            <p className="text-slate-500">Choose the retailer to see their delivery address.</p>
          )}
          {(retailer || edit) && (
            <label className="mt-3 flex items-center gap-2 text-slate-700">
              <input type="checkbox" className="size-4 rounded border-slate-300 accent-brand-600" {...register("shipElsewhere")} />
              {edit ? "Change the delivery address" : "Deliver to a different address"}
            </label>
          )}
        </div>
        {shipElsewhere && (
          <>
            <Field id="shippingAddress.name" label="Deliver to (name)" required error={errors.shippingAddress?.name?.message} className="sm:col-span-2">
              <Input autoComplete="off" {...register("shippingAddress.name")} />
            </Field>
            <Field id="shippingAddress.line1" label="Address" required error={errors.shippingAddress?.line1?.message} className="sm:col-span-2">
              <Input autoComplete="off" {...register("shippingAddress.line1")} />
            </Field>
            <Field id="shippingAddress.line2" label="Address line 2" error={errors.shippingAddress?.line2?.message} className="sm:col-span-2">
              <Input autoComplete="off" {...register("shippingAddress.line2")} />
            </Field>
            <Field id="shippingAddress.city" label="City" required error={errors.shippingAddress?.city?.message}>
              <Input autoComplete="off" {...register("shippingAddress.city")} />
            </Field>
            <Field id="shippingAddress.pincode" label="PIN code" required error={errors.shippingAddress?.pincode?.message}>
              <Input inputMode="numeric" autoComplete="off" maxLength={6} {...register("shippingAddress.pincode")} />
            </Field>
            <Field id="shippingAddress.stateCode" label="State" required hint="The GST place of supply." error={errors.shippingAddress?.stateCode?.message}>
              <Select {...register("shippingAddress.stateCode")} placeholder="Choose a state" options={stateOptions} />
            </Field>
          </>
        )}
      </FormSection>

      <FormSection title="More" description="Optional. The retailer sees the notes on the order.">
        <Field id="notes" label="Notes" error={errors.notes?.message} className="sm:col-span-2">
          <Textarea rows={2} {...register("notes")} />
        </Field>
      </FormSection>

      <div className="flex flex-wrap justify-end gap-2 pt-6">
        <Link href={edit ? `/orders/${edit.orderId}` : "/orders"} className={buttonClasses({ variant: "secondary" })}>
          Cancel
        </Link>
        {mode === "new" && (
          <Button variant="secondary" loading={pending && submitting === "draft"} disabled={pending} onClick={send(true)}>
            Save draft
          </Button>
        )}
        <Button type="submit" loading={pending && submitting !== "draft"} disabled={pending}>
          {edit ? "Save changes" : "Place order"}
        </Button>
      </div>
    </form>
  );
}

function AddressBlock({ address }: { address: Address }) {
  return <PostalAddress address={address} className="rounded-lg border border-slate-200 bg-slate-50 px-4 py-3" />;
}

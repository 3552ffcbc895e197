"use client";
// The new-challan form: why the goods move, from which warehouse, to whom (an own warehouse, a retailer or
// another party), and the products. Checked on the server (lib/logistics/challans); errors land on their fields.
import { IntentLink as Link } from "@/components/ui/intent-link";
import { useState, useTransition } from "react";
import { useFieldArray, useForm, useWatch } from "react-hook-form";
import { applyServerErrors } from "@/components/form/field-errors";
import { FormSection } from "@/components/form/form-section";
import { PlusIcon, XIcon } from "@/components/shell/icons";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { challanReasonLabels, challanReasons } from "@/lib/logistics/challans/challans.schemas";
import { LineQuantityField, ProductLineField } from "../../inventory/_components/product-line-fields";
import type { PickedProduct } from "../../inventory/_components/product-picker";
import { createChallanAction } from "../actions";

type Warehouse = { id: string; code: string; name: string; isDefault: boolean; stateCode: string; addressComplete: boolean };
type Values = {
  reason: (typeof challanReasons)[number];
  reasonNote: string;
  fromWarehouseId: string;
  toWarehouseId: string;
  consigneeKind: "retailer" | "other";
  connectionId: string;
  consignee: { name: string; gstin: string; address1: string; address2: string; city: string; stateCode: string; pincode: string };
  lines: { productId: string; quantity: string; rate: string }[];
  notes: string;
};

export function ChallanForm({ warehouses, retailers, states }: { warehouses: Warehouse[]; retailers: { id: string; name: string }[]; states: { value: string; label: string }[] }) {
  const [error, setFormError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const [picked, setPicked] = useState<Record<string, PickedProduct | null>>({});
  const from = warehouses[0];
  const { register, control, handleSubmit, setError, formState } = useForm<Values>({
    defaultValues: {
      reason: "STOCK_TRANSFER",
      reasonNote: "",
      fromWarehouseId: from?.id ?? "",
      toWarehouseId: warehouses.find((w) => w.id !== from?.id && w.stateCode === from?.stateCode)?.id ?? "",
      consigneeKind: retailers.length ? "retailer" : "other",
      connectionId: retailers[0]?.id ?? "",
      consignee: { name: "", gstin: "", address1: "", address2: "", city: "", stateCode: from?.stateCode ?? "", pincode: "" },
      lines: [{ productId: "", quantity: "", rate: "" }],
      notes: "",
    },
  });
  const { fields, append, remove } = useFieldArray({ control, name: "lines" });
  const reason = useWatch({ control, name: "reason" });
  const kind = useWatch({ control, name: "consigneeKind" });
  const fromId = useWatch({ control, name: "fromWarehouseId" });
  const whOptions = warehouses.map((w) => ({ value: w.id, label: `${w.code} · ${w.name}${w.addressComplete ? "" : " (address incomplete)"}` }));
  const transfer = reason === "STOCK_TRANSFER";

  const onSubmit = handleSubmit((v) =>
    start(async () => {
      setFormError(null);
      const input = {
        reason: v.reason,
        reasonNote: v.reasonNote,
        fromWarehouseId: v.fromWarehouseId,
        ...(transfer ? { toWarehouseId: v.toWarehouseId } : v.consigneeKind === "retailer" ? { connectionId: v.connectionId } : { consignee: v.consignee }),
        lines: v.lines.map((l) => ({ productId: l.productId, quantity: l.quantity, ...(l.rate.trim() ? { rate: l.rate } : {}) })),
        notes: v.notes,
      };
      const res = await createChallanAction(input);
      if (res && !res.ok) {
        const names = ["reason", "reasonNote", "fromWarehouseId", "toWarehouseId", "connectionId", "consignee", "notes", "lines", ...Object.keys(v.consignee).map((k) => `consignee.${k}`), ...v.lines.flatMap((_, i) => [`lines.${i}.productId`, `lines.${i}.quantity`, `lines.${i}.rate`])];
        setFormError(applyServerErrors(setError as never, res, names));
      }
    }),
  );
  const err = (name: string) => {
    const parts = name.split(".");
    let e: unknown = formState.errors;
    for (const p of parts) e = (e as Record<string, unknown> | undefined)?.[p];
    return (e as { message?: string } | undefined)?.message;
  };

  return (
    <form onSubmit={onSubmit} noValidate className="divide-y divide-slate-200">
      {error && (
        <Alert tone="danger" className="mb-6">
          {error}
        </Alert>
      )}
      <FormSection title="Why and from where" description="A transfer to another own warehouse must stay in the same state; across states it is a sale between registrations and needs a tax invoice.">
        <Field id="reason" label="Purpose" required error={err("reason")}>
          <Select {...register("reason")} options={challanReasons.map((r) => ({ value: r, label: challanReasonLabels[r] }))} />
        </Field>
        <Field id="fromWarehouseId" label="From warehouse" required error={err("fromWarehouseId")}>
          <Select {...register("fromWarehouseId")} options={whOptions} />
        </Field>
        <Field id="reasonNote" label={reason === "OTHER" ? "Why the goods move" : "Note on the purpose"} required={reason === "OTHER"} error={err("reasonNote")} className="sm:col-span-2">
          <Input {...register("reasonNote")} placeholder={reason === "JOB_WORK" ? "e.g. Repacking into 500 g pouches" : reason === "APPROVAL" ? "e.g. On approval for 15 days" : ""} />
        </Field>
      </FormSection>
      <FormSection title="To" description={transfer ? "The warehouse receiving the stock." : "Who receives the goods."}>
        {transfer ? (
          <Field id="toWarehouseId" label="To warehouse" required error={err("toWarehouseId")} className="sm:col-span-2">
            <Select {...register("toWarehouseId")} options={whOptions.filter((o) => o.value !== fromId)} placeholder="Choose a warehouse" />
          </Field>
        ) : (
          <>
            <Field id="consigneeKind" label="Consignee" className="sm:col-span-2">
              <Select {...register("consigneeKind")} options={[...(retailers.length ? [{ value: "retailer", label: "One of my retailers" }] : []), { value: "other", label: "Someone else (job worker, exhibition…)" }]} />
            </Field>
            {kind === "retailer" ? (
              <Field id="connectionId" label="Retailer" required error={err("connectionId")} className="sm:col-span-2">
                <Select {...register("connectionId")} options={retailers.map((r) => ({ value: r.id, label: r.name }))} />
              </Field>
            ) : (
              <>
                <Field id="consignee.name" label="Name" required error={err("consignee.name")}>
                  <Input {...register("consignee.name")} />
                </Field>
                <Field id="consignee.gstin" label="GSTIN" hint="Leave blank if unregistered" error={err("consignee.gstin")}>
                  <Input {...register("consignee.gstin")} className="uppercase" />
                </Field>
                <Field id="consignee.address1" label="Address" required error={err("consignee.address1")} className="sm:col-span-2">
                  <Input {...register("consignee.address1")} />
                </Field>
                <Field id="consignee.city" label="City" required error={err("consignee.city")}>
                  <Input {...register("consignee.city")} />
                </Field>
                <Field id="consignee.pincode" label="PIN code" required error={err("consignee.pincode")}>
                  <Input {...register("consignee.pincode")} inputMode="numeric" maxLength={6} />
                </Field>
                <Field id="consignee.stateCode" label="State" required error={err("consignee.stateCode")} className="sm:col-span-2">
                  <Select {...register("consignee.stateCode")} options={states} />
                </Field>
              </>
            )}
          </>
        )}
      </FormSection>
      <section aria-labelledby="challan-lines" className="py-6">
        <h2 id="challan-lines" className="mb-1 text-[15px] font-semibold text-slate-900">
          Products
        </h2>
        <p className="mb-3 text-sm text-slate-500">Value per unit defaults to the cost for transfers and job work, else the price.</p>
        {err("lines") && (
          <p role="alert" className="mb-2 text-xs text-danger-700">
            {err("lines")}
          </p>
        )}
        <ol className="space-y-3">
          {fields.map((f, i) => {
            const product = picked[f.id] ?? null;
            return (
              <li key={f.id} className="grid grid-cols-2 gap-3 md:grid-cols-[minmax(0,1fr)_8rem_8rem_2.25rem] md:items-start">
                <ProductLineField control={control} index={i} error={err(`lines.${i}.productId`)} value={product} onPick={(p) => setPicked((m) => ({ ...m, [f.id]: p }))} warehouseId={fromId} className="col-span-2 md:col-span-1" />
                <LineQuantityField register={register} index={i} error={err(`lines.${i}.quantity`)} unit={product?.unit} />
                <Field id={`lines.${i}.rate`} label={`Value per unit in rupees, line ${i + 1}`} hideLabel error={err(`lines.${i}.rate`)}>
                  <Input {...register(`lines.${i}.rate` as const)} inputMode="decimal" placeholder="Value ₹ / unit" />
                </Field>
                <div className="col-span-2 flex items-center justify-end md:col-span-1 md:h-9">
                  <Button variant="ghost" size="sm" className="px-2" disabled={fields.length === 1} onClick={() => remove(i)} aria-label={`Remove line ${i + 1}`}>
                    <XIcon className="size-4" />
                  </Button>
                </div>
              </li>
            );
          })}
        </ol>
        <Button variant="secondary" size="sm" className="mt-3" onClick={() => append({ productId: "", quantity: "", rate: "" })}>
          <PlusIcon className="size-4" />
          Add product
        </Button>
      </section>
      <FormSection title="Notes">
        <Field id="notes" label="Notes" hideLabel error={err("notes")} className="sm:col-span-2">
          <Textarea rows={2} {...register("notes")} placeholder="Printed on the challan" />
        </Field>
      </FormSection>
      <div className="flex flex-wrap justify-end gap-2 pt-6">
        <Link href="/challans" className={buttonClasses({ variant: "secondary" })}>
          Cancel
        </Link>
        <Button type="submit" loading={pending}>
          Issue challan
        </Button>
      </div>
    </form>
  );
}

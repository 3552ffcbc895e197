"use client";
// The forms inside the order action dialogs. The server checks everything again; its field errors
// land next to the fields (applyServerErrors), anything else in the dialog's banner.
import { zodResolver } from "@hookform/resolvers/zod";
import { useState, useTransition } from "react";
import { useForm, type FieldValues, type Resolver, type UseFormSetError } from "react-hook-form";
import type { z } from "zod";
import { applyServerErrors } from "@/components/form/field-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { quantityInputProps, quantityUnitError } from "@/lib/catalog/units";
import { formatQuantity } from "@/lib/format";
import { cancelOrderInput, dispatchOrderInput } from "@/lib/orders/orders.schemas";
import type { ActionResult } from "@/lib/http/action";
import { qtyDifference } from "../../inventory/_components/money";
import { cancelOrderAction, confirmOrderAction, deliverOrderAction, dispatchOrderAction, packOrderAction, returnOrderAction, submitDraftAction } from "../actions";

type Done = { onDone: () => void; onCancel: () => void };
type Result = ActionResult<unknown>;

/** Runs an action and routes its errors: fields first, the rest to the banner. */
function useSubmit<T extends FieldValues>(setError: UseFormSetError<T>, fields: readonly string[], onDone: () => void) {
  const [error, setFormError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const submit = (run: () => Promise<Result>, mapErrors?: (e: Record<string, string[]>) => Record<string, string[]>) =>
    start(async () => {
      setFormError(null);
      const res = await run();
      if (res.ok) return onDone();
      const fieldErrors = res.fieldErrors && mapErrors ? mapErrors(res.fieldErrors) : res.fieldErrors;
      setFormError(applyServerErrors(setError, { error: res.error, fieldErrors }, fields));
    });
  return { error, pending, submit };
}

function Footer({ pending, submitLabel, onCancel, danger }: { pending: boolean; submitLabel: string; onCancel: () => void; danger?: boolean }) {
  return (
    <div className="mt-5 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
      <Button variant="secondary" onClick={onCancel} disabled={pending}>
        Back
      </Button>
      <Button type="submit" variant={danger ? "danger" : "primary"} loading={pending}>
        {submitLabel}
      </Button>
    </div>
  );
}

function Banner({ error }: { error: string | null }) {
  return error ? (
    <Alert tone="danger" className="mb-4">
      {error}
    </Alert>
  ) : null;
}

// ------------------------------------------------------------------ place, confirm, pack, dispatch

type NoteValues = { note: string | null; vehicleNumber: string | null };

export function NoteForm({ orderId, action, submitLabel, withNote = true, withVehicle = false, onDone, onCancel }: Done & { orderId: string; action: "place" | "confirm" | "pack" | "dispatch"; submitLabel: string; withNote?: boolean; withVehicle?: boolean }) {
  const { register, handleSubmit, setError, formState } = useForm<NoteValues>({ resolver: zodResolver(dispatchOrderInput) as unknown as Resolver<NoteValues>, defaultValues: { note: "", vehicleNumber: "" } });
  const { error, pending, submit } = useSubmit(setError, ["note", "vehicleNumber"], onDone);
  const onSubmit = handleSubmit((v) =>
    submit(() => {
      // The resolver hands over parsed values: blank optional text is already null.
      const note = v.note ?? undefined;
      if (action === "place") return submitDraftAction(orderId);
      if (action === "confirm") return confirmOrderAction(orderId, { note });
      if (action === "pack") return packOrderAction(orderId, { note });
      return dispatchOrderAction(orderId, { note, vehicleNumber: v.vehicleNumber ?? undefined });
    }),
  );
  return (
    <form onSubmit={onSubmit} noValidate>
      <Banner error={error} />
      <div className="space-y-4">
        {withVehicle && (
          <Field id={`${action}-vehicle`} label="Vehicle number" hint="Optional, e.g. MH12AB1234" error={formState.errors.vehicleNumber?.message}>
            <Input autoComplete="off" className="uppercase" {...register("vehicleNumber")} />
          </Field>
        )}
        {withNote && (
          <Field id={`${action}-note`} label="Note" hint="Optional; shown on the order's timeline." error={formState.errors.note?.message}>
            <Textarea rows={2} {...register("note")} />
          </Field>
        )}
      </div>
      <Footer pending={pending} submitLabel={submitLabel} onCancel={onCancel} />
    </form>
  );
}

// ------------------------------------------------------------------ cancel

type CancelValues = z.input<typeof cancelOrderInput>;

export function CancelForm({ orderId, onDone, onCancel }: Done & { orderId: string }) {
  const { register, handleSubmit, setError, formState } = useForm<CancelValues>({ resolver: zodResolver(cancelOrderInput) as unknown as Resolver<CancelValues>, defaultValues: { reason: "" } });
  const { error, pending, submit } = useSubmit(setError, ["reason"], onDone);
  return (
    <form onSubmit={handleSubmit((v) => submit(() => cancelOrderAction(orderId, v)))} noValidate>
      <Banner error={error} />
      <Field id="cancel-reason" label="Reason" required hint="The retailer sees this." error={formState.errors.reason?.message}>
        <Textarea rows={3} {...register("reason")} />
      </Field>
      <Footer pending={pending} submitLabel="Cancel order" onCancel={onCancel} danger />
    </form>
  );
}

// ------------------------------------------------------------------ deliver

type DeliverValues = { receivedBy: string; deliveredAt: string; note: string };
type Photo = { contentType: "image/jpeg"; dataBase64: string; preview: string; kb: number };

export function DeliverForm({ orderId, onDone, onCancel }: Done & { orderId: string }) {
  const [openedAt] = useState(localNow);
  const { register, handleSubmit, setError, formState } = useForm<DeliverValues>({ defaultValues: { receivedBy: "", deliveredAt: openedAt, note: "" } });
  const { error, pending, submit } = useSubmit(setError, ["receivedBy", "deliveredAt", "note", "photo"], onDone);
  const [photo, setPhoto] = useState<Photo | null>(null);
  const [photoError, setPhotoError] = useState<string | null>(null);
  const errors = formState.errors as Record<string, { message?: string } | undefined>;

  const onSubmit = handleSubmit((v) =>
    submit(() =>
      deliverOrderAction(orderId, {
        receivedBy: v.receivedBy,
        // Left at "now" (to the minute) it is sent as nothing, so the server takes the exact time.
        deliveredAt: v.deliveredAt && v.deliveredAt !== openedAt ? new Date(v.deliveredAt).toISOString() : undefined,
        note: v.note.trim() || undefined,
        ...(photo ? { photo: { contentType: photo.contentType, dataBase64: photo.dataBase64 } } : {}),
      }),
    ),
  );

  return (
    <form onSubmit={onSubmit} noValidate>
      <Banner error={error} />
      <div className="space-y-4">
        <Field id="deliver-received-by" label="Received by" required error={errors.receivedBy?.message}>
          <Input autoComplete="off" placeholder="Name of the person who took the goods" {...register("receivedBy", { required: "Enter the receiver's name" })} />
        </Field>
        <Field id="deliver-at" label="Delivered at" error={errors.deliveredAt?.message}>
          <Input type="datetime-local" max={openedAt} {...register("deliveredAt")} />
        </Field>
        <Field id="deliver-note" label="Note" hint="Optional." error={errors.note?.message}>
          <Textarea rows={2} {...register("note")} />
        </Field>
        <Field id="deliver-photo" label="Photo" hint="Optional: the signed challan or the goods at the shop. Large photos are scaled down before upload." error={photoError ?? errors.photo?.message}>
          {(c) => (
            <div className="space-y-2">
              <input
                {...c}
                type="file"
                accept="image/jpeg,image/png,image/webp"
                className="block w-full text-sm text-slate-600 file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-slate-800 hover:file:bg-slate-50"
                onChange={async (e) => {
                  setPhotoError(null);
                  const file = e.target.files?.[0];
                  if (!file) return setPhoto(null);
                  try {
                    setPhoto(await shrinkPhoto(file));
                  } catch {
                    setPhoto(null);
                    setPhotoError("This file could not be read as an image. Choose a JPEG, PNG or WebP photo.");
                  }
                }}
              />
              {photo && (
                <div className="flex items-center gap-3">
                  {/* eslint-disable-next-line @next/next/no-img-element */}
                  <img src={photo.preview} alt="Chosen delivery photo" className="size-16 rounded-md border border-slate-200 object-cover" />
                  <span className="text-xs text-slate-500">{photo.kb} KB, ready to upload</span>
                </div>
              )}
            </div>
          )}
        </Field>
      </div>
      <Footer pending={pending} submitLabel="Mark delivered" onCancel={onCancel} />
    </form>
  );
}

/** "2026-11-29T14:05" in the browser's time zone, for a datetime-local input. */
function localNow() {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** Phone photos are several MB: scale to at most 1600 px and re-encode as JPEG (well under the 2 MB limit). */
async function shrinkPhoto(file: File): Promise<Photo> {
  const bitmap = await createImageBitmap(file);
  const scale = Math.min(1, 1600 / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement("canvas");
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  canvas.getContext("2d")!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  let quality = 0.85;
  let url = canvas.toDataURL("image/jpeg", quality);
  // Server actions take bodies up to 1 MB; keep the photo comfortably below.
  while (url.length > 900_000 && quality > 0.4) {
    quality -= 0.15;
    url = canvas.toDataURL("image/jpeg", quality);
  }
  const dataBase64 = url.slice(url.indexOf(",") + 1);
  return { contentType: "image/jpeg", dataBase64, preview: url, kb: Math.round((dataBase64.length * 3) / 4 / 1024) };
}

// ------------------------------------------------------------------ return

export type ReturnLine = { productId: string; freeGoods: boolean; name: string; sku: string; unit: string; quantity: string; returnedQty: string };
type ReturnValues = { reason: string; lines: { quantity: string }[] };

export function ReturnForm({ orderId, lines, onDone, onCancel }: Done & { orderId: string; lines: ReturnLine[] }) {
  const open = lines.map((l) => ({ ...l, left: qtyDifference(l.quantity, l.returnedQty) ?? "0" })).filter((l) => Number(l.left) > 0);
  const { register, handleSubmit, setError, formState } = useForm<ReturnValues>({ defaultValues: { reason: "", lines: open.map(() => ({ quantity: "" })) } });
  const fields = ["reason", "lines", ...open.map((_, i) => `lines.${i}.quantity`), ...open.map((_, i) => `lines.${i}.productId`)];
  const { error, pending, submit } = useSubmit(setError, fields, onDone);
  const errors = formState.errors;

  const onSubmit = handleSubmit((v) => {
    // Only lines with a quantity are sent; the server's "lines.N" refer to that shorter list.
    const sent = v.lines.map((l, i) => ({ i, quantity: l.quantity.trim() })).filter((l) => l.quantity && Number(l.quantity) !== 0);
    if (sent.length === 0) {
      setError("lines", { type: "client", message: "Enter the quantity that came back on at least one line" });
      return;
    }
    submit(
      () => returnOrderAction(orderId, { reason: v.reason, lines: sent.map((s) => ({ productId: open[s.i]!.productId, quantity: s.quantity, ...(open[s.i]!.freeGoods ? { freeGoods: true } : {}) })) }),
      (fe) => Object.fromEntries(Object.entries(fe).map(([k, m]) => [k.replace(/^lines\.(\d+)\./, (_, n: string) => `lines.${sent[Number(n)]?.i ?? n}.`), m])),
    );
  });

  if (open.length === 0) return <p className="text-sm text-slate-600">Everything on this order has already been returned.</p>;
  return (
    <form onSubmit={onSubmit} noValidate>
      <Banner error={error} />
      {errors.lines?.message && (
        <p role="alert" className="mb-3 text-xs text-danger-700">
          {errors.lines.message}
        </p>
      )}
      <ul className="mb-4 divide-y divide-slate-100 rounded-lg border border-slate-200">
        {open.map((l, i) => (
          <li key={`${l.productId}-${l.freeGoods}`} className="flex items-start justify-between gap-3 px-3 py-2.5">
            <div className="min-w-0 text-sm">
              <p className="font-medium text-slate-900">
                {l.name}
                {l.freeGoods && <span className="ml-1 text-xs font-normal text-slate-500">(free goods)</span>}
              </p>
              <p className="text-xs text-slate-500">
                <span className="font-mono">{l.sku}</span> · up to {formatQuantity(l.left)} {l.unit}
              </p>
            </div>
            <Field id={`return-${i}`} label={`Quantity returned of ${l.name}`} hideLabel error={errors.lines?.[i]?.quantity?.message} className="w-28 shrink-0">
              <Input {...quantityInputProps(l.unit)} autoComplete="off" placeholder="0" className="text-right tabular-nums" {...register(`lines.${i}.quantity`, { validate: (q) => quantityUnitError(q.trim(), l.unit) ?? true })} />
            </Field>
          </li>
        ))}
      </ul>
      <Field id="return-reason" label="Reason" required error={errors.reason?.message}>
        <Textarea rows={2} placeholder="e.g. Damaged in transit" {...register("reason", { required: "Enter a reason" })} />
      </Field>
      <Footer pending={pending} submitLabel="Record return" onCancel={onCancel} />
    </form>
  );
}

"use client";
// Header actions of one price list: export, edit (name, description, active), make default, delete.
import { zodResolver } from "@hookform/resolvers/zod";
import { useState, useTransition } from "react";
import { useForm, type Resolver } from "react-hook-form";
import { ConfirmButton } from "@/app/(vendor)/retailers/_components/confirm-button";
import { Dialog } from "@/components/form/dialog";
import { applyFieldErrors } from "@/components/form/field-errors";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import type { PriceListView } from "@/lib/pricing/views";
import { updatePriceListInput } from "@/lib/pricing/pricing.schemas";
import { deletePriceListAction, updatePriceListAction } from "../actions";
import { SetDefaultButton } from "../set-default-button";

type Values = { name: string; description: string; active: boolean };
const FIELDS = ["name", "description", "active"] as const;

export function ListActions({ list, canWrite }: { list: PriceListView; canWrite: boolean }) {
  const exportHref = (format: "csv" | "xlsx") => `/api/v1/products/export?kind=prices&format=${format}&priceListId=${encodeURIComponent(list.id)}`;
  return (
    <>
      <a href={exportHref("csv")} download className={buttonClasses({ variant: "secondary" })}>
        Export CSV
      </a>
      <a href={exportHref("xlsx")} download className={buttonClasses({ variant: "secondary" })}>
        Export XLSX
      </a>
      {canWrite && (
        <>
          <EditListButton list={list} />
          {!list.isDefault && list.active && <SetDefaultButton id={list.id} name={list.name} size="md" />}
          {!list.isDefault && (
            <ConfirmButton
              label="Delete"
              size="md"
              variant="ghost"
              className="text-danger-700 hover:bg-danger-50 hover:text-danger-800"
              title={`Delete “${list.name}”?`}
              description={`Its ${list.itemCount === 1 ? "1 price" : `${list.itemCount} prices`} are deleted with it. Lists that retailers buy on cannot be deleted; assign those retailers another list first.`}
              confirmLabel="Delete price list"
              onConfirm={() => deletePriceListAction(list.id)}
            />
          )}
        </>
      )}
    </>
  );
}

function EditListButton({ list }: { list: PriceListView }) {
  const [open, setOpen] = useState(false);
  const [error, setFormError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const defaults = { name: list.name, description: list.description ?? "", active: list.active };
  const { register, handleSubmit, setError, reset, formState } = useForm<Values>({ resolver: zodResolver(updatePriceListInput) as unknown as Resolver<Values>, defaultValues: defaults });
  // react-hook-form only tracks the formState parts read during render; submit needs dirtyFields.
  void formState.dirtyFields;
  const close = () => {
    setOpen(false);
    setFormError(null);
    reset(defaults);
  };
  const onSubmit = handleSubmit((values) =>
    start(async () => {
      setFormError(null);
      const dirty = formState.dirtyFields as Partial<Record<keyof Values, boolean>>;
      const changed = Object.fromEntries(Object.entries(values).filter(([k]) => dirty[k as keyof Values]));
      if (Object.keys(changed).length === 0) return close();
      const res = await updatePriceListAction(list.id, changed);
      if (!res.ok) {
        const rest = applyFieldErrors(setError, res.fieldErrors, FIELDS);
        if (!res.fieldErrors || rest.length) setFormError(res.error);
        return;
      }
      setOpen(false);
    }),
  );
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        Edit
      </Button>
      <Dialog open={open} onClose={close} title="Edit price list">
        <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Edit price list">
          {error && <Alert tone="danger">{error}</Alert>}
          <Field id="edit-name" label="Name" required error={formState.errors.name?.message}>
            <Input autoComplete="off" {...register("name")} />
          </Field>
          <Field id="edit-description" label="Description" error={formState.errors.description?.message}>
            <Textarea rows={2} {...register("description")} />
          </Field>
          <Field id="edit-active" label="Status" hint={list.isDefault ? "The default list always stays active." : "Retailers on an inactive list buy on the default list."} error={formState.errors.active?.message}>
            {(control) => (
              <label className="flex items-center gap-2 text-sm text-slate-800">
                <input type="checkbox" className="size-4 rounded border-slate-300 text-brand-600" disabled={list.isDefault} {...control} {...register("active")} />
                Active
              </label>
            )}
          </Field>
          <div className="flex flex-col-reverse gap-2 pt-1 sm:flex-row sm:justify-end">
            <Button variant="secondary" onClick={close} disabled={pending}>
              Cancel
            </Button>
            <Button type="submit" loading={pending}>
              Save
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}

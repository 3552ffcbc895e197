"use client";
// "New price list": a small dialog with name and description; on success the new list opens.
import { zodResolver } from "@hookform/resolvers/zod";
import { useState, useTransition } from "react";
import { useForm, type Resolver } from "react-hook-form";
import { Dialog } from "@/components/form/dialog";
import { applyFieldErrors } from "@/components/form/field-errors";
import { PlusIcon } from "@/components/shell/icons";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { createPriceListInput } from "@/lib/pricing/pricing.schemas";
import { createPriceListAction } from "./actions";

type Values = { name: string; description: string };
const FIELDS = ["name", "description"] as const;

export function NewPriceListButton({ first }: { first: boolean }) {
  const [open, setOpen] = useState(false);
  const [error, setFormError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const { register, handleSubmit, setError, reset, formState } = useForm<Values>({
    resolver: zodResolver(createPriceListInput) as unknown as Resolver<Values>,
    defaultValues: { name: "", description: "" },
  });
  const close = () => {
    setOpen(false);
    setFormError(null);
    reset();
  };
  const onSubmit = handleSubmit((values) =>
    start(async () => {
      setFormError(null);
      const res = await createPriceListAction(values);
      if (res && !res.ok) {
        const rest = applyFieldErrors(setError, res.fieldErrors, FIELDS);
        if (!res.fieldErrors || rest.length) setFormError(res.error);
      }
    }),
  );
  return (
    <>
      <Button onClick={() => setOpen(true)}>
        <PlusIcon className="size-4" />
        New price list
      </Button>
      <Dialog
        open={open}
        onClose={close}
        title="New price list"
        description={first ? "Your first list becomes the default: every retailer without a list of their own buys on it." : "Assign it to retailers from their page, or make it the default later."}
      >
        <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="New price list">
          {error && <Alert tone="danger">{error}</Alert>}
          <Field id="pl-name" label="Name" required error={formState.errors.name?.message}>
            <Input autoFocus autoComplete="off" placeholder={first ? "e.g. Standard" : "e.g. Wholesale"} {...register("name")} />
          </Field>
          <Field id="pl-description" label="Description" hint="Who it is for, e.g. “Hotels and caterers”." error={formState.errors.description?.message}>
            <Textarea rows={2} {...register("description")} />
          </Field>
          <div className="flex flex-col-reverse gap-2 pt-1 sm:flex-row sm:justify-end">
            <Button variant="secondary" onClick={close} disabled={pending}>
              Cancel
            </Button>
            <Button type="submit" loading={pending}>
              Create price list
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}

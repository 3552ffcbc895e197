"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { useState, useTransition } from "react";
import { useForm, type Resolver } from "react-hook-form";
import { applyFieldErrors, applyServerErrors } from "@/components/form/field-errors";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { joinRequestInput } from "@/lib/network/network.schemas";
import { findVendorAction, requestToJoinAction, type FoundVendor } from "../actions";

type Values = { vendorCode: string; message: string };

export function JoinForm() {
  const [vendor, setVendor] = useState<FoundVendor | null>(null);
  const [error, setFormError] = useState<string | null>(null);
  const [finding, startFind] = useTransition();
  const [sending, startSend] = useTransition();
  const { register, handleSubmit, setError, clearErrors, getValues, formState } = useForm<Values>({
    resolver: zodResolver(joinRequestInput) as unknown as Resolver<Values>,
    defaultValues: { vendorCode: "", message: "" },
  });

  const find = () =>
    startFind(async () => {
      setFormError(null);
      setVendor(null);
      clearErrors();
      const query = getValues("vendorCode").trim();
      if (query.length < 2) {
        setError("vendorCode", { message: "Enter the vendor's code or GSTIN" }, { shouldFocus: true });
        return;
      }
      const res = await findVendorAction(query);
      if (!res.ok) {
        // The lookup names its field "query"; here it is the vendor code field.
        const fe = res.fieldErrors ? { vendorCode: res.fieldErrors.query ?? res.fieldErrors.vendorCode ?? [res.error] } : { vendorCode: [res.error] };
        applyFieldErrors(setError, fe, ["vendorCode"]);
        return;
      }
      setVendor(res.data);
    });

  const send = handleSubmit((values) =>
    startSend(async () => {
      setFormError(null);
      const res = await requestToJoinAction({ vendorCode: vendor?.code ?? values.vendorCode, message: values.message });
      if (res && !res.ok) {
        setFormError(applyServerErrors(setError, res, ["vendorCode", "message"]));
      }
    }),
  );

  const status = vendor?.connectionStatus;
  const canRequest = vendor && status !== "ACTIVE" && status !== "SUSPENDED";

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (canRequest) void send(e);
        else find();
      }}
      className="space-y-5"
    >
      {error && <Alert tone="danger">{error}</Alert>}
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
        <Field id="vendorCode" label="Vendor code or GSTIN" error={formState.errors.vendorCode?.message} className="flex-1">
          <Input
            autoComplete="off"
            autoFocus
            className="font-mono uppercase"
            placeholder="e.g. SHREEGANESH or 27AAAAA0000A1Z5"
            maxLength={15}
            {...register("vendorCode", { onChange: () => vendor && setVendor(null) })}
          />
        </Field>
        <Button type="button" variant={vendor ? "secondary" : "primary"} loading={finding} onClick={find} className="sm:mt-[26px]">
          Find vendor
        </Button>
      </div>

      {vendor && (
        <section aria-label="Vendor found" className="rounded-lg border border-slate-200 bg-slate-50/60 p-4">
          <p className="text-[15px] font-semibold text-slate-900">{vendor.name}</p>
          {vendor.legalName !== vendor.name && <p className="text-sm text-slate-600">{vendor.legalName}</p>}
          <p className="mt-1 text-sm text-slate-500">
            {vendor.city}
            {vendor.stateName && `, ${vendor.stateName}`}
            {vendor.gstin && (
              <>
                {" · GSTIN "}
                <span className="font-mono">{vendor.gstin}</span>
              </>
            )}
          </p>
          {status === "ACTIVE" && (
            <Alert tone="info" className="mt-3">
              You are already connected to {vendor.name}.{" "}
              <Link href="/portal/vendors" className="font-medium underline">
                See my vendors
              </Link>
            </Alert>
          )}
          {status === "SUSPENDED" && (
            <Alert tone="warning" className="mt-3">
              {vendor.name} has paused your account. Contact them directly to resume.
            </Alert>
          )}
        </section>
      )}

      {canRequest && (
        <>
          <Field id="message" label="Message" hint="Optional. Tell them who you are, e.g. your shop and what you buy." error={formState.errors.message?.message}>
            <Textarea rows={3} maxLength={500} {...register("message")} />
          </Field>
          <div className="flex flex-wrap justify-end gap-2">
            <Link href="/portal/vendors" className={buttonClasses({ variant: "secondary" })}>
              Cancel
            </Link>
            <Button type="submit" loading={sending}>
              Send request
            </Button>
          </div>
        </>
      )}
    </form>
  );
}

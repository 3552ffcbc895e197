"use client";
// The company profile form: the same zod schema as the domain (companyProfileSchema), live
// GSTIN feedback (state and PAN come from the GSTIN), server field errors next to fields.
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useForm, type Resolver } from "react-hook-form";
import type { z } from "zod";
import { applyFieldErrors } from "@/components/form/field-errors";
import { FormSection } from "@/components/form/form-section";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { companyProfileFields, companyProfileSchema } from "@/lib/company/company.schemas";
import type { CompanyView } from "@/lib/company/get-company";
import { gstinCheckDigit, parseGstin } from "@/lib/integrations/gst/gstin";
import { activeGstStates, stateName } from "@/lib/integrations/gst/states";
import { updateCompanyAction } from "./actions";

const FIELDS = Object.keys(companyProfileFields) as (keyof typeof companyProfileFields)[];
type FieldName = (typeof FIELDS)[number];
type Values = Record<FieldName, string>;
type Output = z.output<typeof companyProfileSchema>;

const stateOptions = activeGstStates.map((s) => ({ value: s.code, label: `${s.name} (${s.code})` }));

function toValues(c: CompanyView): Values {
  return Object.fromEntries(FIELDS.map((k) => [k, (c[k] as string | null) ?? ""])) as Values;
}

export function CompanyForm({ company, readOnly }: { company: CompanyView; readOnly: boolean }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [notice, setNotice] = useState<{ tone: "success" | "danger"; text: string } | null>(null);
  const form = useForm<Values, unknown, Output>({
    resolver: zodResolver(companyProfileSchema) as unknown as Resolver<Values, unknown, Output>,
    defaultValues: toValues(company),
    mode: "onTouched",
  });
  const { register, handleSubmit, setError, setValue, watch, trigger, reset, formState } = form;
  const errors = formState.errors;
  const err = (k: FieldName) => errors[k]?.message;

  const gstin = watch("gstin") ?? "";
  const parsed = parseGstin(gstin);
  const gstinLive = liveGstinMessage(gstin);
  const gstinField = register("gstin");

  const onSubmit = handleSubmit((values) =>
    startTransition(async () => {
      setNotice(null);
      const res = await updateCompanyAction(values);
      if (res.ok) {
        reset(toValues(res.data));
        setNotice({ tone: "success", text: "Company details saved." });
        router.refresh();
        return;
      }
      const rest = applyFieldErrors(setError, res.fieldErrors, FIELDS);
      setNotice({ tone: "danger", text: rest.length ? `${res.error} ${rest.join("; ")}` : res.error });
    }),
  );

  return (
    <form onSubmit={onSubmit} method="post" noValidate aria-label="Company details">
      <Card>
        <fieldset disabled={readOnly || pending} className="divide-y divide-slate-200 px-5 pt-6 sm:px-6">
          <FormSection title="Business identity" description="As registered with GST. The GSTIN sets your state and PAN.">
            <Field id="legalName" label="Legal name" required error={err("legalName")} className="sm:col-span-2">
              <Input autoComplete="organization" {...register("legalName")} />
            </Field>
            <Field id="tradeName" label="Trade name" hint="The name your retailers know you by" error={err("tradeName")} className="sm:col-span-2">
              <Input {...register("tradeName")} />
            </Field>
            <Field
              id="gstin"
              label="GSTIN"
              error={err("gstin") ?? gstinLive}
              hint={
                parsed ? (
                  <span className="text-success-700">
                    ✓ Valid GSTIN · {stateName(parsed.stateCode) ?? parsed.stateCode} ({parsed.stateCode}) · PAN {parsed.pan}
                  </span>
                ) : (
                  "15 characters, e.g. 27AAHCS4821M1ZZ"
                )
              }
            >
              <Input
                {...gstinField}
                maxLength={15}
                autoCapitalize="characters"
                spellCheck={false}
                className="font-mono uppercase"
                onChange={(e) => {
                  const v = e.target.value.toUpperCase().replace(/\s/g, "");
                  e.target.value = v;
                  void gstinField.onChange(e);
                  const p = parseGstin(v);
                  if (p) {
                    setValue("stateCode", p.stateCode, { shouldDirty: true, shouldValidate: true });
                    setValue("pan", p.pan, { shouldDirty: true, shouldValidate: true });
                  }
                  if (v.length === 15 || errors.gstin) void trigger("gstin");
                }}
              />
            </Field>
            <Field id="pan" label="PAN" hint={parsed ? "Taken from the GSTIN" : "10 characters, e.g. AAHCS4821M"} error={err("pan")}>
              <Input maxLength={10} autoCapitalize="characters" spellCheck={false} className="font-mono uppercase" readOnly={!!parsed} {...register("pan")} />
            </Field>
          </FormSection>

          <FormSection title="Registered address" description="Principal place of business; decides whether GST is intra- or inter-state.">
            <Field id="addressLine1" label="Address line 1" required error={err("addressLine1")} className="sm:col-span-2">
              <Input autoComplete="address-line1" {...register("addressLine1")} />
            </Field>
            <Field id="addressLine2" label="Address line 2" error={err("addressLine2")} className="sm:col-span-2">
              <Input autoComplete="address-line2" {...register("addressLine2")} />
            </Field>
            <Field id="city" label="City" required error={err("city")}>
              <Input autoComplete="address-level2" {...register("city")} />
            </Field>
            <Field id="pincode" label="PIN code" required error={err("pincode")}>
              <Input inputMode="numeric" maxLength={6} autoComplete="postal-code" className="tabular" {...register("pincode")} />
            </Field>
            <Field id="stateCode" label="State" required hint={parsed ? "Set by the GSTIN" : undefined} error={err("stateCode")} className="sm:col-span-2">
              <Select placeholder="Select a state" options={stateOptions} {...register("stateCode")} />
            </Field>
          </FormSection>

          <FormSection title="Dispatch address" description="Optional. Where goods leave from, if not the registered address; used on e-way bills.">
            <Field id="dispatchLine1" label="Dispatch address line 1" error={err("dispatchLine1")} className="sm:col-span-2">
              <Input {...register("dispatchLine1")} />
            </Field>
            <Field id="dispatchLine2" label="Dispatch address line 2" error={err("dispatchLine2")} className="sm:col-span-2">
              <Input {...register("dispatchLine2")} />
            </Field>
            <Field id="dispatchCity" label="Dispatch city" error={err("dispatchCity")}>
              <Input {...register("dispatchCity")} />
            </Field>
            <Field id="dispatchPincode" label="Dispatch PIN code" error={err("dispatchPincode")}>
              <Input inputMode="numeric" maxLength={6} className="tabular" {...register("dispatchPincode")} />
            </Field>
            <Field id="dispatchStateCode" label="Dispatch state" error={err("dispatchStateCode")} className="sm:col-span-2">
              <Select placeholder="Same as registered" options={stateOptions} {...register("dispatchStateCode")} />
            </Field>
          </FormSection>

          <FormSection title="Contact" description="Printed on invoices and shown to your retailers.">
            <Field id="email" label="Business email" error={err("email")}>
              <Input type="email" inputMode="email" autoComplete="email" {...register("email")} />
            </Field>
            <Field id="phone" label="Business phone" error={err("phone")}>
              <Input type="tel" inputMode="tel" autoComplete="tel" placeholder="+91 98765 43210" {...register("phone")} />
            </Field>
            <Field id="website" label="Website" error={err("website")} className="sm:col-span-2">
              <Input type="url" inputMode="url" placeholder="https://" {...register("website")} />
            </Field>
          </FormSection>

          <FormSection title="Bank details" description="Where retailers pay you. Printed on invoices with a UPI QR code.">
            <Field id="bankName" label="Bank name" error={err("bankName")}>
              <Input {...register("bankName")} />
            </Field>
            <Field id="bankAccountName" label="Account holder name" error={err("bankAccountName")}>
              <Input {...register("bankAccountName")} />
            </Field>
            <Field id="bankAccountNumber" label="Account number" error={err("bankAccountNumber")}>
              <Input inputMode="numeric" autoComplete="off" className="tabular" {...register("bankAccountNumber")} />
            </Field>
            <Field id="bankIfsc" label="IFSC" hint="11 characters, e.g. HDFC0001234" error={err("bankIfsc")}>
              <Input maxLength={11} autoCapitalize="characters" spellCheck={false} className="font-mono uppercase" {...register("bankIfsc")} />
            </Field>
            <Field id="bankBranch" label="Branch" error={err("bankBranch")}>
              <Input {...register("bankBranch")} />
            </Field>
            <Field id="upiId" label="UPI ID" hint="e.g. yourbusiness@hdfcbank" error={err("upiId")}>
              <Input autoCapitalize="none" spellCheck={false} {...register("upiId")} />
            </Field>
          </FormSection>

          <FormSection title="Orders" description="What happens when an order would take a retailer over its credit limit (a limit of ₹0 means no limit).">
            <Field id="creditPolicy" label="Over the credit limit" error={err("creditPolicy")} className="sm:col-span-2">
              <Select
                options={[
                  { value: "BLOCK", label: "Refuse the order (the retailer sees why)" },
                  { value: "HOLD", label: "Accept it on hold until a manager releases it" },
                ]}
                {...register("creditPolicy")}
              />
            </Field>
          </FormSection>
        </fieldset>
        {!readOnly && (
          <div className="sticky bottom-0 flex flex-col-reverse gap-3 rounded-b-lg border-t border-slate-200 bg-slate-50/95 px-5 py-3 backdrop-blur sm:flex-row sm:items-center sm:justify-end sm:px-6">
            <div className="min-w-0 flex-1" aria-live="polite">
              {notice ? (
                <Alert tone={notice.tone} className="py-2">
                  {notice.text}
                </Alert>
              ) : formState.isDirty ? (
                <p className="text-sm text-slate-500">You have unsaved changes.</p>
              ) : null}
            </div>
            <div className="flex gap-2">
              {formState.isDirty && (
                <Button
                  variant="ghost"
                  disabled={pending}
                  onClick={() => {
                    reset();
                    setNotice(null);
                  }}
                >
                  Discard
                </Button>
              )}
              <Button type="submit" loading={pending}>
                Save changes
              </Button>
            </div>
          </div>
        )}
      </Card>
    </form>
  );
}

/** A live hint while typing: the check character, once all 15 characters are in. */
function liveGstinMessage(v: string): string | undefined {
  if (v.length !== 15 || parseGstin(v)) return undefined;
  if (!/^[0-9]{2}[A-Z]{5}[0-9]{4}[A-Z][1-9A-Z]Z[0-9A-Z]$/.test(v)) return "GSTIN must be 2 digits, PAN, entity number, Z, check character";
  try {
    return `GSTIN check digit is wrong (expected ${gstinCheckDigit(v.slice(0, 14))})`;
  } catch {
    return undefined;
  }
}

"use client";
// Approve (with the terms the new connection starts on) or reject (with a reason the retailer sees).
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useForm, type Resolver } from "react-hook-form";
import type { z } from "zod";
import { applyFieldErrors } from "@/components/form/field-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { connectionTermsInput, rejectJoinRequestInput } from "@/lib/network/network.schemas";
import { approveJoinRequestAction, rejectJoinRequestAction } from "../actions";

type Mode = "idle" | "approve" | "reject";
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export function RequestDecision({ id, retailerName }: { id: string; retailerName: string }) {
  const [mode, setMode] = useState<Mode>("idle");
  if (mode === "approve") return <ApproveForm id={id} retailerName={retailerName} onCancel={() => setMode("idle")} />;
  if (mode === "reject") return <RejectForm id={id} retailerName={retailerName} onCancel={() => setMode("idle")} />;
  return (
    <div className="mt-4 flex flex-wrap gap-2">
      <Button size="sm" onClick={() => setMode("approve")}>
        Approve
      </Button>
      <Button size="sm" variant="secondary" onClick={() => setMode("reject")}>
        Reject
      </Button>
    </div>
  );
}

type ApproveValues = { customerCode?: string; creditLimit?: string; paymentTermsDays?: number };
const approveFields = ["customerCode", "creditLimit", "paymentTermsDays"] as const;

function ApproveForm({ id, retailerName, onCancel }: { id: string; retailerName: string; onCancel: () => void }) {
  const router = useRouter();
  const [error, setFormError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const { register, handleSubmit, setError, formState } = useForm<ApproveValues>({
    resolver: zodResolver(connectionTermsInput) as unknown as Resolver<ApproveValues>,
    defaultValues: { customerCode: "", creditLimit: "", paymentTermsDays: undefined },
  });
  const err = (k: (typeof approveFields)[number]) => formState.errors[k]?.message as string | undefined;
  const onSubmit = handleSubmit((values) =>
    start(async () => {
      setFormError(null);
      const res = await approveJoinRequestAction(id, values);
      if (!res.ok) {
        applyFieldErrors(setError, res.fieldErrors, approveFields);
        setFormError(res.error);
        return;
      }
      router.replace(`/retailers/requests?status=pending&approved=${res.data.connectionId}&name=${encodeURIComponent(retailerName)}`, { scroll: false });
    }),
  );
  return (
    <form onSubmit={onSubmit} noValidate aria-label={`Approve ${retailerName}`} className="mt-4 rounded-lg border border-slate-200 bg-slate-50/60 p-4">
      <h3 className="text-sm font-semibold text-slate-900">Terms for {retailerName}</h3>
      <p className="mt-0.5 text-xs text-slate-500">Leave blank for no credit and payment on delivery. You can change these later.</p>
      {error && (
        <Alert tone="danger" className="mt-3">
          {error}
        </Alert>
      )}
      <div className="mt-3 grid gap-4 sm:grid-cols-3">
        <Field id={`${id}-customerCode`} label="Customer code" error={err("customerCode")}>
          <Input autoComplete="off" autoFocus className="font-mono uppercase" {...register("customerCode")} />
        </Field>
        <Field id={`${id}-creditLimit`} label="Credit limit (₹)" error={err("creditLimit")}>
          <Input inputMode="decimal" autoComplete="off" className="tabular-nums" {...register("creditLimit", { setValueAs: blankToUndefined })} />
        </Field>
        <Field id={`${id}-paymentTermsDays`} label="Payment terms (days)" error={err("paymentTermsDays")}>
          <Input type="number" inputMode="numeric" min={0} max={365} {...register("paymentTermsDays", { setValueAs: blankToUndefined })} />
        </Field>
      </div>
      <div className="mt-4 flex flex-wrap justify-end gap-2">
        <Button variant="secondary" size="sm" onClick={onCancel} disabled={pending}>
          Cancel
        </Button>
        <Button type="submit" size="sm" loading={pending}>
          Approve request
        </Button>
      </div>
    </form>
  );
}

type RejectValues = z.input<typeof rejectJoinRequestInput>;

function RejectForm({ id, retailerName, onCancel }: { id: string; retailerName: string; onCancel: () => void }) {
  const router = useRouter();
  const [error, setFormError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const { register, handleSubmit, setError, formState } = useForm<RejectValues>({ resolver: zodResolver(rejectJoinRequestInput), defaultValues: { reason: "" } });
  const onSubmit = handleSubmit((values) =>
    start(async () => {
      setFormError(null);
      const res = await rejectJoinRequestAction(id, values);
      if (!res.ok) {
        applyFieldErrors(setError, res.fieldErrors, ["reason"]);
        setFormError(res.error);
        return;
      }
      router.replace(`/retailers/requests?status=pending&rejected=1&name=${encodeURIComponent(retailerName)}`, { scroll: false });
    }),
  );
  return (
    <form onSubmit={onSubmit} noValidate aria-label={`Reject ${retailerName}`} className="mt-4 rounded-lg border border-slate-200 bg-slate-50/60 p-4">
      {error && (
        <Alert tone="danger" className="mb-3">
          {error}
        </Alert>
      )}
      <Field id={`${id}-reason`} label="Reason" required hint="The retailer sees this in their email and portal." error={formState.errors.reason?.message}>
        <Textarea rows={2} autoFocus placeholder="e.g. We do not deliver to your area yet" {...register("reason")} />
      </Field>
      <div className="mt-4 flex flex-wrap justify-end gap-2">
        <Button variant="secondary" size="sm" onClick={onCancel} disabled={pending}>
          Cancel
        </Button>
        <Button type="submit" size="sm" variant="danger" loading={pending}>
          Reject request
        </Button>
      </div>
    </form>
  );
}

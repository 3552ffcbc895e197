"use client";
// One consignee's packed orders: tick the ones that leave together, enter the packages, weight,
// volume and crates, and create the shipment. Orders not invoiced yet are marked (they cannot be
// dispatched until invoiced).
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { formatINR } from "@/lib/format";
import type { ShippableGroup } from "@/lib/logistics/shipments/list-shippable-orders";
import { createShipmentAction } from "../actions";

export function CreateShipmentForm({ group: g, preselect }: { group: ShippableGroup; preselect?: string }) {
  const router = useRouter();
  const [picked, setPicked] = useState<string[]>(preselect && g.orders.some((o) => o.id === preselect) ? [preselect] : g.orders.map((o) => o.id));
  const [values, setValues] = useState({ packages: "1", weightKg: "", volumeM3: "", crates: "0" });
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [pending, start] = useTransition();
  const id = (f: string) => `${g.key.slice(0, 24).replace(/\W/g, "")}-${f}`;
  const submit = () =>
    start(async () => {
      setError(null);
      const res = await createShipmentAction({ orderIds: picked, packages: values.packages, weightKg: values.weightKg || "0", volumeM3: values.volumeM3 || "0", crates: values.crates || "0" });
      if (!res.ok) {
        setError(res.error);
        setFieldErrors(res.fieldErrors ?? {});
        return;
      }
      router.push(`/shipments/${res.data.id}`);
    });
  const set = (k: keyof typeof values) => (e: React.ChangeEvent<HTMLInputElement>) => setValues((v) => ({ ...v, [k]: e.target.value }));
  return (
    <Card role="region" aria-label={g.retailerName}>
      <CardHeader title={g.retailerName} description={`${g.shipTo.line1}, ${g.shipTo.city} ${g.shipTo.pincode} · from ${g.warehouse.code}${g.customerCode ? ` · ${g.customerCode}` : ""}`} />
      <div className="space-y-4 px-5 py-4">
        {error && <Alert tone="danger">{error}</Alert>}
        <fieldset>
          <legend className="mb-2 text-sm font-medium text-slate-700">Orders</legend>
          <ul className="space-y-2">
            {g.orders.map((o) => (
              <li key={o.id}>
                <label className="flex flex-wrap items-center gap-2 text-sm">
                  <input type="checkbox" className="size-4" checked={picked.includes(o.id)} onChange={(e) => setPicked((p) => (e.target.checked ? [...p, o.id] : p.filter((x) => x !== o.id)))} />
                  <span className="font-mono text-[13px]">{o.number}</span>
                  <span className="text-slate-600">{formatINR(o.grandTotal)}</span>
                  {!o.invoiced && <Badge tone="warning">Not invoiced</Badge>}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          <Field id={id("packages")} label="Packages" error={fieldErrors.packages?.[0]}>
            <Input inputMode="numeric" value={values.packages} onChange={set("packages")} />
          </Field>
          <Field id={id("weight")} label="Weight (kg)" error={fieldErrors.weightKg?.[0]}>
            <Input inputMode="decimal" value={values.weightKg} onChange={set("weightKg")} placeholder="0" />
          </Field>
          <Field id={id("volume")} label="Volume (m³)" error={fieldErrors.volumeM3?.[0]}>
            <Input inputMode="decimal" value={values.volumeM3} onChange={set("volumeM3")} placeholder="0" />
          </Field>
          <Field id={id("crates")} label="Crates" error={fieldErrors.crates?.[0]}>
            <Input inputMode="numeric" value={values.crates} onChange={set("crates")} />
          </Field>
        </div>
        <div className="flex justify-end">
          <Button onClick={submit} loading={pending} disabled={picked.length === 0}>
            Create shipment of {picked.length} order{picked.length === 1 ? "" : "s"}
          </Button>
        </div>
      </div>
    </Card>
  );
}

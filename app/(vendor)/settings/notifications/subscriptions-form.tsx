"use client";
// One checkbox per order event; each change is saved at once.
import { useState, useTransition } from "react";
import type { SubscriptionView } from "@/lib/notifications/list-subscriptions";
import { setSubscriptionAction } from "./actions";

export function SubscriptionsForm({ initial }: { initial: SubscriptionView[] }) {
  const [subs, setSubs] = useState(initial);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, start] = useTransition();

  function toggle(event: string, email: boolean) {
    const before = subs;
    setSubs((s) => s.map((x) => (x.event === event ? { ...x, email } : x)));
    setStatus(null);
    start(async () => {
      const res = await setSubscriptionAction(event, email);
      if (res.ok) {
        setSubs(res.data);
        setStatus({ ok: true, text: "Saved" });
      } else {
        setSubs(before);
        setStatus({ ok: false, text: res.error });
      }
    });
  }

  return (
    <fieldset aria-busy={pending || undefined}>
      <legend className="sr-only">Email me when</legend>
      <ul className="divide-y divide-slate-100">
        {subs.map((s) => (
          <li key={s.event}>
            <label className="flex cursor-pointer items-start gap-3 px-5 py-3.5 hover:bg-slate-50">
              <input type="checkbox" className="mt-0.5 size-4 rounded border-slate-300 accent-brand-600" checked={s.email} onChange={(e) => toggle(s.event, e.target.checked)} />
              <span>
                <span className="block text-sm font-medium text-slate-900">{s.label}</span>
                <span className="block text-sm text-slate-500">{s.description}</span>
              </span>
            </label>
          </li>
        ))}
      </ul>
      <p role={status && !status.ok ? "alert" : "status"} className={status?.ok === false ? "px-5 pb-3 text-sm text-danger-700" : "px-5 pb-3 text-sm text-success-700"}>
        {status?.text ?? ""}
      </p>
    </fieldset>
  );
}

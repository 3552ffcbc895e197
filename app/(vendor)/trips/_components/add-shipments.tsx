"use client";
// Ready shipments of the trip's depot on no trip yet: tick and load them (stops follow per consignee).
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { addShipmentsAction } from "../actions";

type Ready = { id: string; number: string; consignee: string; place: string; packages: number; weightKg: string; volumeM3: string; crates: number; orders: string[] };

export function AddShipments({ tripId, shipments }: { tripId: string; shipments: Ready[] }) {
  const router = useRouter();
  const [picked, setPicked] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const add = () =>
    start(async () => {
      setError(null);
      const res = await addShipmentsAction(tripId, { shipmentIds: picked });
      if (!res.ok) return setError(res.error);
      setPicked([]);
      router.refresh();
    });
  return (
    <Card>
      <CardHeader title="Add shipments" description="Ready shipments at this depot, on no trip." />
      <div className="space-y-3 px-5 py-4">
        {error && <Alert tone="danger">{error}</Alert>}
        {shipments.length === 0 ? (
          <p className="text-sm text-slate-500">No ready shipments waiting. Create shipments from packed orders first.</p>
        ) : (
          <ul className="max-h-96 space-y-2 overflow-y-auto">
            {shipments.map((s) => (
              <li key={s.id}>
                <label className="flex gap-2 text-sm">
                  <input type="checkbox" className="mt-0.5 size-4 shrink-0" aria-label={`Load ${s.number}`} checked={picked.includes(s.id)} onChange={(e) => setPicked((p) => (e.target.checked ? [...p, s.id] : p.filter((x) => x !== s.id)))} />
                  <span className="min-w-0">
                    <span className="font-mono text-[13px]">{s.number}</span> · {s.consignee}
                    <span className="block text-xs text-slate-500">
                      {s.place} · {s.packages} pkg · {s.weightKg} kg · {s.orders.join(", ")}
                    </span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
        )}
        <Button onClick={add} loading={pending} disabled={picked.length === 0} className="w-full">
          Load {picked.length || ""} shipment{picked.length === 1 ? "" : "s"}
        </Button>
      </div>
    </Card>
  );
}

"use client";
// What the driver does at the door: arrived, delivered (receiver's name, signature drawn on the
// screen, optional photo), partly delivered (quantities per line), refused, not home. Each tap
// becomes a queued update with its own id and time (update-queue.ts).
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition, type PointerEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { quantityInputProps } from "@/lib/catalog/units";
import { newUpdateId, sendUpdate } from "../../../../update-queue";

type Line = { orderLineId: string; name: string; unit: string; quantity: string; order: string };
type Mode = null | "deliver" | "partly_deliver" | "refused" | "not_home";

export function StopActions({ tripId, stopId, arrived, lines }: { tripId: string; stopId: string; arrived: boolean; lines: Line[] }) {
  const router = useRouter();
  const [mode, setMode] = useState<Mode>(null);
  const [receivedBy, setReceivedBy] = useState("");
  const [note, setNote] = useState("");
  const [qty, setQty] = useState<Record<string, string>>(Object.fromEntries(lines.map((l) => [l.orderLineId, String(Number(l.quantity))])));
  const [photo, setPhoto] = useState<{ contentType: string; dataBase64: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawn = useRef(false);

  const position = () =>
    new Promise<{ latitude?: number; longitude?: number }>((resolve) => {
      if (!("geolocation" in navigator)) return resolve({});
      navigator.geolocation.getCurrentPosition((p) => resolve({ latitude: Number(p.coords.latitude.toFixed(6)), longitude: Number(p.coords.longitude.toFixed(6)) }), () => resolve({}), { timeout: 3000, maximumAge: 60_000 });
    });

  const send = (kind: string, extra: Record<string, unknown> = {}) =>
    start(async () => {
      setError(null);
      const body = { clientUpdateId: newUpdateId(), kind, occurredAt: new Date().toISOString(), ...(await position()), ...extra };
      const res = await sendUpdate({ url: `/api/v1/driver/trips/${tripId}/stops/${stopId}/updates`, body });
      if (!res.ok) {
        setError(res.error);
        return;
      }
      setMode(null);
      router.refresh();
    });

  const signature = () => {
    const c = canvas.current;
    if (!c || !drawn.current) return null;
    return { contentType: "image/png", dataBase64: c.toDataURL("image/png").replace(/^data:image\/png;base64,/, "") };
  };

  const deliver = (partly: boolean) => {
    const sig = signature();
    if (!receivedBy.trim()) return setError("Enter who received the goods.");
    if (!sig) return setError("Ask the receiver to sign in the box.");
    send(partly ? "partly_deliver" : "deliver", {
      receivedBy: receivedBy.trim(),
      signature: sig,
      ...(photo ? { photo } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
      ...(partly ? { lines: lines.map((l) => ({ orderLineId: l.orderLineId, deliveredQty: qty[l.orderLineId] || "0" })) } : {}),
    });
  };

  const pick = async (file: File | undefined) => {
    if (!file) return setPhoto(null);
    const data = await new Promise<string>((resolve) => {
      const r = new FileReader();
      r.onload = () => resolve(String(r.result));
      r.readAsDataURL(file);
    });
    setPhoto({ contentType: file.type, dataBase64: data.replace(/^data:[^;]+;base64,/, "") });
  };

  // Signature pad: pointer events cover finger, stylus and mouse.
  const point = (e: PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return { x: ((e.clientX - r.left) * e.currentTarget.width) / r.width, y: ((e.clientY - r.top) * e.currentTarget.height) / r.height };
  };
  const down = (e: PointerEvent<HTMLCanvasElement>) => {
    const ctx = e.currentTarget.getContext("2d")!;
    e.currentTarget.setPointerCapture(e.pointerId);
    const p = point(e);
    ctx.lineWidth = 3;
    ctx.lineCap = "round";
    ctx.strokeStyle = "#0f172a";
    ctx.beginPath();
    ctx.moveTo(p.x, p.y);
  };
  const move = (e: PointerEvent<HTMLCanvasElement>) => {
    if (e.buttons === 0 && e.pointerType === "mouse") return;
    if (!e.currentTarget.hasPointerCapture(e.pointerId)) return;
    const p = point(e);
    const ctx = e.currentTarget.getContext("2d")!;
    ctx.lineTo(p.x, p.y);
    ctx.stroke();
    drawn.current = true;
  };
  const clear = () => {
    const c = canvas.current;
    c?.getContext("2d")?.clearRect(0, 0, c.width, c.height);
    drawn.current = false;
  };

  const big = "h-12 w-full text-base";
  return (
    <div className="space-y-3">
      {error && <Alert tone="danger">{error}</Alert>}
      {mode === null && (
        <>
          {!arrived && (
            <Button className={big} variant="secondary" loading={pending} onClick={() => send("arrive")}>
              Arrived
            </Button>
          )}
          <Button className={big} onClick={() => setMode("deliver")}>
            Deliver
          </Button>
          <div className="grid grid-cols-3 gap-2">
            <Button variant="secondary" className="h-12" onClick={() => setMode("partly_deliver")}>
              Partly
            </Button>
            <Button variant="secondary" className="h-12" onClick={() => setMode("refused")}>
              Refused
            </Button>
            <Button variant="secondary" className="h-12" onClick={() => setMode("not_home")}>
              Not home
            </Button>
          </div>
        </>
      )}
      {(mode === "deliver" || mode === "partly_deliver") && (
        <form
          className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
          onSubmit={(e) => {
            e.preventDefault();
            deliver(mode === "partly_deliver");
          }}
        >
          <h2 className="font-semibold text-slate-900">{mode === "deliver" ? "Proof of delivery" : "Partly delivered"}</h2>
          {mode === "partly_deliver" && (
            <fieldset className="space-y-2">
              <legend className="text-sm text-slate-600">Delivered quantity per line</legend>
              {lines.map((l) => (
                <label key={l.orderLineId} className="flex items-center justify-between gap-3 text-sm">
                  <span className="min-w-0 break-words">
                    {l.name} <span className="text-xs text-slate-500">(of {Number(l.quantity)} {l.unit})</span>
                  </span>
                  <input inputMode={quantityInputProps(l.unit).inputMode} aria-label={`Delivered ${l.name}`} className="h-10 w-20 shrink-0 rounded-md border border-slate-300 px-2 text-right" value={qty[l.orderLineId]} onChange={(e) => setQty({ ...qty, [l.orderLineId]: e.target.value })} />
                </label>
              ))}
            </fieldset>
          )}
          <label className="block text-sm">
            Received by
            <input className="mt-1 block h-11 w-full rounded-md border border-slate-300 px-3 text-base" value={receivedBy} onChange={(e) => setReceivedBy(e.target.value)} autoComplete="off" />
          </label>
          <div>
            <div className="flex items-center justify-between text-sm">
              <span id="sig-label">Signature</span>
              <button type="button" className="text-slate-500 underline" onClick={clear}>
                Clear
              </button>
            </div>
            <canvas ref={canvas} width={600} height={220} aria-labelledby="sig-label" role="img" className="mt-1 h-36 w-full touch-none rounded-md border border-dashed border-slate-400 bg-white" onPointerDown={down} onPointerMove={move} />
          </div>
          <label className="block text-sm">
            Photo (optional)
            <input type="file" accept="image/jpeg,image/png,image/webp" capture="environment" className="mt-1 block w-full text-sm" onChange={(e) => pick(e.target.files?.[0])} />
          </label>
          <label className="block text-sm">
            Note (optional)
            <input className="mt-1 block h-11 w-full rounded-md border border-slate-300 px-3 text-base" value={note} onChange={(e) => setNote(e.target.value)} />
          </label>
          <div className="grid grid-cols-2 gap-2">
            <Button type="button" variant="secondary" className="h-12" onClick={() => setMode(null)}>
              Back
            </Button>
            <Button type="submit" className="h-12" loading={pending}>
              Save delivery
            </Button>
          </div>
        </form>
      )}
      {(mode === "refused" || mode === "not_home") && (
        <form
          className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
          onSubmit={(e) => {
            e.preventDefault();
            send(mode, note.trim() ? { note: note.trim() } : {});
          }}
        >
          <h2 className="font-semibold text-slate-900">{mode === "refused" ? "Refused at the door" : "Nobody to receive"}</h2>
          <label className="block text-sm">
            {mode === "refused" ? "Why was it refused?" : "Note (optional)"}
            <input className="mt-1 block h-11 w-full rounded-md border border-slate-300 px-3 text-base" value={note} onChange={(e) => setNote(e.target.value)} />
          </label>
          <div className="grid grid-cols-2 gap-2">
            <Button type="button" variant="secondary" className="h-12" onClick={() => setMode(null)}>
              Back
            </Button>
            <Button type="submit" variant={mode === "refused" ? "danger" : "primary"} className="h-12" loading={pending}>
              {mode === "refused" ? "Save refusal" : "Save not home"}
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}

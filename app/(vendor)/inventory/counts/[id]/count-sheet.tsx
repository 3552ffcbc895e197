"use client";
// The count sheet: expected quantity per product, an input for what was counted, and the
// difference. Save keeps the sheet as a draft; Post saves, then adjusts stock to the counts.
import { useRouter } from "next/navigation";
import { useMemo, useState, useTransition } from "react";
import { Dialog } from "@/components/form/dialog";
import { SearchIcon } from "@/components/shell/icons";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { plainQuantity } from "@/lib/format";
import { cn } from "@/lib/cn";
import { cancelCountAction, postCountAction, saveCountLinesAction } from "../../actions";
import { quantityInputProps, quantityUnitError } from "@/lib/catalog/units";
import { formatQty, signedQty, unitLabel } from "../../_components/format";
import { qtyDifference } from "../../_components/money";

type Line = { id: string; product: { id: string; sku: string; name: string; unit: string }; expectedQty: string; countedQty: string | null; difference: string | null };

export function CountSheet({ countId, number, editable, lines }: { countId: string; number: string; editable: boolean; lines: Line[] }) {
  const router = useRouter();
  const initial = useMemo(() => Object.fromEntries(lines.map((l) => [l.product.id, l.countedQty === null ? "" : plainQuantity(l.countedQty)])), [lines]);
  const [values, setValues] = useState<Record<string, string>>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ tone: "danger" | "success"; text: string } | null>(null);
  const [filter, setFilter] = useState("");
  const [only, setOnly] = useState<"all" | "uncounted" | "differences">("all");
  const [confirm, setConfirm] = useState<"post" | "cancel" | null>(null);
  const [pending, start] = useTransition();

  const changed = lines.filter((l) => (values[l.product.id] ?? "") !== (initial[l.product.id] ?? ""));
  const countedCount = lines.filter((l) => (values[l.product.id] ?? "").trim() !== "").length;
  const rows = lines.filter((l) => {
    const text = filter.trim().toLowerCase();
    if (text && !l.product.name.toLowerCase().includes(text) && !l.product.sku.toLowerCase().includes(text)) return false;
    const v = (values[l.product.id] ?? "").trim();
    if (only === "uncounted") return v === "";
    if (only === "differences") return v !== "" && qtyDifference(v, l.expectedQty) !== null && Number(qtyDifference(v, l.expectedQty)) !== 0;
    return true;
  });

  async function save(): Promise<boolean> {
    if (changed.length === 0) return true;
    const sent = changed.map((l) => ({ productId: l.product.id, countedQty: (values[l.product.id] ?? "").trim() || null }));
    // Counts in the product's unit (whole pieces, up to 3 decimals of kg), before the round trip.
    const unitErrors = Object.fromEntries(changed.flatMap((l) => {
      const e = quantityUnitError((values[l.product.id] ?? "").trim(), l.product.unit, "Counted quantity");
      return e ? [[l.product.id, e]] : [];
    }));
    if (Object.keys(unitErrors).length) {
      setErrors(unitErrors);
      setMessage({ tone: "danger", text: "Some counts are not valid quantities — see the highlighted rows." });
      return false;
    }
    const res = await saveCountLinesAction(countId, { lines: sent });
    if (res.ok) {
      setErrors({});
      return true;
    }
    const byProduct: Record<string, string> = {};
    for (const [key, msgs] of Object.entries(res.fieldErrors ?? {})) {
      const m = /^lines\.(\d+)\.countedQty$/.exec(key);
      if (m && sent[Number(m[1])]) byProduct[sent[Number(m[1])].productId] = msgs[0];
    }
    setErrors(byProduct);
    setMessage({ tone: "danger", text: Object.keys(byProduct).length ? "Some counts are not valid quantities — see the highlighted rows." : res.error });
    return false;
  }

  const onSave = () =>
    start(async () => {
      setMessage(null);
      if (await save()) {
        setMessage({ tone: "success", text: "Counts saved. The sheet stays a draft until you post it." });
        router.refresh();
      }
    });

  const onPost = () =>
    start(async () => {
      setMessage(null);
      if (!(await save())) return setConfirm(null);
      const res = await postCountAction(countId);
      setConfirm(null);
      if (!res.ok) setMessage({ tone: "danger", text: res.error });
      router.refresh();
    });

  const onCancel = () =>
    start(async () => {
      const res = await cancelCountAction(countId);
      setConfirm(null);
      if (!res.ok) setMessage({ tone: "danger", text: res.error });
      router.refresh();
    });

  return (
    <div>
      {message && (
        <Alert tone={message.tone} className="mb-4">
          {message.text}
        </Alert>
      )}
      <div className="mb-3 flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
          <div className="relative w-full sm:w-64">
            <label htmlFor="sheet-search" className="sr-only">
              Find a product on the sheet
            </label>
            <SearchIcon className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-slate-500" />
            <Input id="sheet-search" type="search" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="Find SKU or name" className="pl-9" />
          </div>
          <div role="group" aria-label="Show" className="inline-flex rounded-lg border border-slate-300 bg-white p-0.5 text-[13px]">
            {(["all", "uncounted", "differences"] as const).map((o) => (
              <button key={o} type="button" aria-pressed={only === o} onClick={() => setOnly(o)} className={cn("rounded-md px-2.5 py-1", only === o ? "bg-slate-800 text-white" : "text-slate-600 hover:bg-slate-50")}>
                {o === "all" ? "All" : o === "uncounted" ? "Not counted" : "Differences"}
              </button>
            ))}
          </div>
        </div>
        <p className="text-sm text-slate-500 tabular-nums">
          {countedCount} of {lines.length} counted{changed.length > 0 && <span className="text-warning-700"> · {changed.length} unsaved</span>}
        </p>
      </div>
      <Table aria-label={`Count sheet ${number}`}>
        <THead>
          <tr>
            <Th>Product</Th>
            <Th numeric>Expected</Th>
            <Th numeric className="w-40">
              Counted
            </Th>
            <Th numeric>Difference</Th>
          </tr>
        </THead>
        <TBody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={4} className="px-4 py-8 text-center text-sm text-slate-500">
                Nothing to show for this filter.
              </td>
            </tr>
          )}
          {rows.map((l) => {
            const v = values[l.product.id] ?? "";
            const diff = v.trim() ? qtyDifference(v.trim(), l.expectedQty) : null;
            const err = errors[l.product.id];
            const inputId = `counted-${l.product.id}`;
            return (
              <Tr key={l.id} className={cn(err && "bg-danger-50/50")}>
                <Td>
                  <label htmlFor={inputId} className="font-medium text-slate-900">
                    {l.product.name}
                  </label>
                  <p className="font-mono text-xs text-slate-500">{l.product.sku}</p>
                </Td>
                <Td numeric muted>
                  {formatQty(l.expectedQty)} <span className="text-xs">{unitLabel(l.product.unit)}</span>
                </Td>
                <Td numeric>
                  {editable ? (
                    <>
                      <Input
                        id={inputId}
                        {...quantityInputProps(l.product.unit)}
                        autoComplete="off"
                        value={v}
                        aria-invalid={err ? true : undefined}
                        aria-describedby={err ? `${inputId}-error` : undefined}
                        onChange={(e) => setValues((m) => ({ ...m, [l.product.id]: e.target.value }))}
                        className="h-8 text-right tabular-nums"
                        placeholder="—"
                      />
                      {err && (
                        <p id={`${inputId}-error`} role="alert" className="mt-1 text-left text-xs whitespace-normal text-danger-700">
                          {err}
                        </p>
                      )}
                    </>
                  ) : l.countedQty === null ? (
                    <span className="text-slate-500">Not counted</span>
                  ) : (
                    formatQty(l.countedQty)
                  )}
                </Td>
                <Td numeric>
                  <span className={cn("font-medium", diff === null ? "text-slate-500" : Number(diff) > 0 ? "text-success-700" : Number(diff) < 0 ? "text-danger-700" : "text-slate-500")}>
                    {diff === null ? (v.trim() ? "?" : "—") : Number(diff) === 0 ? "0" : signedQty(diff)}
                  </span>
                </Td>
              </Tr>
            );
          })}
        </TBody>
      </Table>
      {editable && (
        <div className="sticky bottom-0 mt-4 flex flex-wrap items-center justify-between gap-2 border-t border-slate-200 bg-slate-50/95 py-3 backdrop-blur">
          <Button variant="ghost" onClick={() => setConfirm("cancel")} disabled={pending}>
            Cancel count
          </Button>
          <div className="flex gap-2">
            <Button variant="secondary" onClick={onSave} loading={pending && confirm === null} disabled={changed.length === 0}>
              Save counts
            </Button>
            <Button onClick={() => setConfirm("post")} disabled={pending || countedCount === 0}>
              Post differences…
            </Button>
          </div>
        </div>
      )}
      <Dialog
        open={confirm === "post"}
        onClose={() => setConfirm(null)}
        title={`Post ${number}?`}
        description={`Stock of the ${countedCount} counted product${countedCount === 1 ? "" : "s"} is set to the counted quantity. Differences are taken against the stock on hand right now, so sales since you counted are respected. This cannot be undone; a count posts once.`}
        footer={
          <>
            <Button variant="secondary" onClick={() => setConfirm(null)} disabled={pending}>
              Not yet
            </Button>
            <Button onClick={onPost} loading={pending}>
              Post differences
            </Button>
          </>
        }
      />
      <Dialog
        open={confirm === "cancel"}
        onClose={() => setConfirm(null)}
        title={`Cancel ${number}?`}
        description="The sheet is kept for the record but can no longer be posted. Stock does not change."
        footer={
          <>
            <Button variant="secondary" onClick={() => setConfirm(null)} disabled={pending}>
              Keep counting
            </Button>
            <Button variant="danger" onClick={onCancel} loading={pending}>
              Cancel count
            </Button>
          </>
        }
      />
    </div>
  );
}

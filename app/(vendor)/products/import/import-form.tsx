"use client";
// Choose what to import, upload, check (dry run), then import. Talks to POST /api/v1/products/import
// with the file as the body, so the browser and the API share one door.
import { IntentLink as Link } from "@/components/ui/intent-link";
import { useRef, useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardFooter, CardHeader } from "@/components/ui/card";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { cn } from "@/lib/cn";
import { formatIndianNumber } from "@/lib/format";
import { apiFetch } from "@/lib/http/api-fetch";

type Kind = "products" | "prices";
type RowError = { row: number; column: string; message: string };
type Result = { kind: Kind; dryRun: boolean; rows: number; toCreate: number; toUpdate: number; unchanged: number; newCategories?: string[]; errors: RowError[] };
type Problem = { detail?: string; rowErrors?: RowError[]; rows?: number; toCreate?: number; toUpdate?: number; unchanged?: number };

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const kinds: Record<Kind, { title: string; text: string; columns: string }> = {
  products: { title: "Products", text: "New SKUs are added, existing SKUs updated. Missing categories are created.", columns: "sku, name, category, hsn_code, gst_rate, unit, base_price, mrp, …" },
  prices: { title: "Prices", text: "Item prices for your price lists, with quantity slabs and validity dates.", columns: "price_list, sku, min_qty, price, valid_from, valid_to" },
};
const n = (v: number) => formatIndianNumber(v, 0);

export function ImportForm({ initialKind }: { initialKind: Kind }) {
  const [kind, setKind] = useState<Kind>(initialKind);
  const [file, setFile] = useState<File | null>(null);
  const [check, setCheck] = useState<Result | null>(null);
  const [done, setDone] = useState<Result | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [checking, startCheck] = useTransition();
  const [importing, startImport] = useTransition();
  const input = useRef<HTMLInputElement>(null);

  const clear = () => {
    setCheck(null);
    setDone(null);
    setProblem(null);
  };

  const send = async (dryRun: boolean): Promise<Result | null> => {
    if (!file) return null;
    const type = file.type || (file.name.toLowerCase().endsWith(".xlsx") ? XLSX : "text/csv");
    const res = await apiFetch(`/api/v1/products/import?kind=${kind}&dryRun=${dryRun}`, { method: "POST", headers: { "content-type": type }, body: file });
    const body = (await res.json().catch(() => ({}))) as Result & Problem;
    if (res.ok) return body;
    if (body.rowErrors) {
      // The file changed or someone edited meanwhile: show the rows again.
      setCheck({ kind, dryRun: true, rows: body.rows ?? 0, toCreate: body.toCreate ?? 0, toUpdate: body.toUpdate ?? 0, unchanged: body.unchanged ?? 0, errors: body.rowErrors });
      return null;
    }
    setProblem(body.detail ?? `The upload failed (${res.status}).`);
    return null;
  };

  const runCheck = () =>
    startCheck(async () => {
      clear();
      const r = await send(true);
      if (r) setCheck(r);
    });
  const runImport = () =>
    startImport(async () => {
      setProblem(null);
      const r = await send(false);
      if (r) {
        setDone(r);
        setCheck(null);
        setFile(null);
        if (input.current) input.current.value = "";
      }
    });

  const errorRows = check ? new Set(check.errors.map((e) => e.row)).size : 0;

  return (
    <div className="space-y-6">
      <Card>
        <CardHeader title="1. What are you importing?" />
        <CardBody className="py-5">
          <div role="radiogroup" aria-label="What to import" className="grid gap-3 sm:grid-cols-2">
            {(Object.keys(kinds) as Kind[]).map((k) => (
              <label
                key={k}
                className={cn(
                  "flex cursor-pointer gap-3 rounded-lg border p-4 transition-colors",
                  kind === k ? "border-brand-500 bg-brand-50/50 ring-1 ring-brand-500" : "border-slate-200 hover:border-slate-300",
                )}
              >
                <input
                  type="radio"
                  name="kind"
                  value={k}
                  checked={kind === k}
                  onChange={() => {
                    setKind(k);
                    clear();
                  }}
                  className="mt-0.5 size-4 accent-brand-600"
                />
                <span>
                  <span className="block text-sm font-semibold text-slate-900">{kinds[k].title}</span>
                  <span className="mt-0.5 block text-sm text-slate-600">{kinds[k].text}</span>
                  <span className="mt-1 block font-mono text-xs text-slate-500">{kinds[k].columns}</span>
                </span>
              </label>
            ))}
          </div>
          <p className="mt-4 text-sm text-slate-600">
            Start from a template:{" "}
            <a className="font-medium text-brand-700 hover:underline" href={`/api/v1/products/import/template?kind=${kind}&format=xlsx`} download>
              Excel (.xlsx)
            </a>{" "}
            ·{" "}
            <a className="font-medium text-brand-700 hover:underline" href={`/api/v1/products/import/template?kind=${kind}&format=csv`} download>
              CSV
            </a>
            . Or export what you have and edit it:{" "}
            <a className="font-medium text-brand-700 hover:underline" href={`/api/v1/products/export?kind=${kind}&format=xlsx`} download>
              current {kind} (.xlsx)
            </a>
            .
          </p>
        </CardBody>
      </Card>

      <Card>
        <CardHeader title="2. Upload and check" description="Column names may use any case or spaces (“HSN Code” = hsn_code). Dates: YYYY-MM-DD or DD/MM/YYYY." />
        <CardBody className="space-y-4 py-5">
          <div className="flex flex-wrap items-center gap-3">
            <label htmlFor="import-file" className="sr-only">
              File to import
            </label>
            <input
              ref={input}
              id="import-file"
              type="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                clear();
              }}
              className="block w-full max-w-md text-sm text-slate-700 file:mr-3 file:rounded-lg file:border file:border-slate-300 file:bg-white file:px-3 file:py-2 file:text-sm file:font-medium file:text-slate-800 hover:file:bg-slate-50"
            />
            <Button onClick={runCheck} loading={checking} disabled={!file || importing}>
              Check file
            </Button>
          </div>
          {problem && <Alert tone="danger">{problem}</Alert>}
          {done && (
            <Alert tone="success" title="Import finished">
              {done.kind === "products"
                ? `${n(done.toCreate)} new products, ${n(done.toUpdate)} updated${done.unchanged ? `, ${n(done.unchanged)} already up to date` : ""}.`
                : `${n(done.toCreate)} new prices, ${n(done.toUpdate)} updated${done.unchanged ? `, ${n(done.unchanged)} already up to date` : ""}.`}
              {done.newCategories?.length ? ` Created ${done.newCategories.length === 1 ? "1 category" : `${done.newCategories.length} categories`}.` : ""}{" "}
              <Link href={done.kind === "products" ? "/products" : "/price-lists"} className="font-medium underline">
                {done.kind === "products" ? "View products" : "View price lists"}
              </Link>
            </Alert>
          )}
        </CardBody>
      </Card>

      {check && check.errors.length > 0 && (
        <Card>
          <CardHeader title={`${n(errorRows)} ${errorRows === 1 ? "row needs" : "rows need"} fixing`} description={`Nothing has been imported. Fix these in your file (row numbers as your spreadsheet shows them) and check again. ${n(check.rows)} rows read.`} />
          <Table aria-label="Row errors" wrapperClassName="rounded-none border-0 border-b">
            <THead>
              <tr>
                <Th numeric className="w-20">
                  Row
                </Th>
                <Th className="w-40">Column</Th>
                <Th>Problem</Th>
              </tr>
            </THead>
            <TBody>
              {check.errors.slice(0, 500).map((e, i) => (
                <Tr key={i}>
                  <Td numeric>{e.row}</Td>
                  <Td className="font-mono text-[13px]">{e.column || "—"}</Td>
                  <Td className="text-danger-700">{e.message}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
          {check.errors.length > 500 && <p className="px-5 py-3 text-sm text-slate-500">Showing the first 500 of {n(check.errors.length)} problems.</p>}
        </Card>
      )}

      {check && check.errors.length === 0 && (
        <Card>
          <CardHeader title="3. Ready to import" />
          <CardBody className="space-y-3 py-5">
            <p className="text-lg font-semibold text-slate-900">
              {n(check.toCreate)} new, {n(check.toUpdate)} updated
              {check.unchanged > 0 && <span className="font-normal text-slate-500"> · {n(check.unchanged)} unchanged</span>}
            </p>
            <p className="text-sm text-slate-600">
              All {n(check.rows)} rows are correct.{" "}
              {check.kind === "products" ? "Products with a SKU you already have are updated with the columns in the file; other columns keep their values." : "Prices with the same list, SKU, minimum quantity and valid-from date are updated."}
            </p>
            {check.newCategories && check.newCategories.length > 0 && (
              <div className="text-sm text-slate-600">
                New categories:{" "}
                {check.newCategories.map((c) => (
                  <span key={c} className="mr-1.5 mb-1 inline-block rounded-md bg-slate-100 px-2 py-0.5 text-xs text-slate-700">
                    {c}
                  </span>
                ))}
              </div>
            )}
          </CardBody>
          <CardFooter>
            <Button variant="secondary" onClick={clear} disabled={importing}>
              Cancel
            </Button>
            <Button onClick={runImport} loading={importing} disabled={check.toCreate + check.toUpdate === 0}>
              {check.toCreate + check.toUpdate === 0 ? "Nothing to import" : `Import ${n(check.toCreate + check.toUpdate)} ${check.kind === "products" ? "products" : "prices"}`}
            </Button>
          </CardFooter>
        </Card>
      )}
      <p className="text-xs text-slate-500">
        Need the same from code? <span className="font-mono">POST /api/v1/products/import?kind={kind}&amp;dryRun=true</span> with the file as the body —{" "}
        <Link href="/api-docs" className="underline">
          API reference
        </Link>
        .
      </p>
    </div>
  );
}

import { IntentLink as Link } from "@/components/ui/intent-link";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, Td, TFoot, Th, THead, Tr } from "@/components/ui/table";
import { formatINR, formatIndianNumber } from "@/lib/format";
import type { Gstr1Report } from "@/lib/reporting/gst/get-gstr1";
import { hsnRows } from "@/lib/reporting/gst/tie-out";

const SHOWN = 200;
const natures: Record<number, string> = { 1: "Invoices for outward supply", 4: "Debit notes", 5: "Credit notes" };

export function Gstr1Tab({ report }: { report: Gstr1Report }) {
  const { tieOut: t, problems, sections, json } = report;
  const errors = problems.filter((p) => p.level === "error").length;
  const totals = sections.reduce(
    (s, x) => ({ records: s.records + x.records, taxable: s.taxable + Number(x.taxable), igst: s.igst + Number(x.igst), cgst: s.cgst + Number(x.cgst), sgst: s.sgst + Number(x.sgst), cess: s.cess + Number(x.cess) }),
    { records: 0, taxable: 0, igst: 0, cgst: 0, sgst: 0, cess: 0 },
  );
  const hsn = hsnRows(json);
  return (
    <>
      <Card>
        <CardHeader
          title="Problems before you file"
          description={`GSTIN ${report.gstin} · previous year's turnover in the books ${formatINR(report.turnover, { decimals: 0 })} · HSN of at least ${report.hsnDigits} digits`}
          actions={errors ? <Badge tone="danger">{errors} to fix</Badge> : problems.length ? <Badge tone="warning">Warnings only</Badge> : <Badge tone="success">None</Badge>}
        />
        <CardBody>
          {problems.length === 0 ? (
            <p className="text-sm text-slate-600">Every document has a valid HSN, GSTIN, place of supply and rate, and its totals add up.</p>
          ) : (
            <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200" aria-label="Problems">
              {problems.slice(0, SHOWN).map((p, i) => (
                <li key={i} className="flex flex-col gap-1 px-3 py-2.5 text-sm sm:flex-row sm:items-start sm:gap-3">
                  <Badge tone={p.level === "error" ? "danger" : "warning"} className="self-start">
                    {p.level === "error" ? "Error" : "Warning"}
                  </Badge>
                  <span className="min-w-0 [overflow-wrap:anywhere]">
                    {p.documentId ? (
                      <Link href={`/invoices/${p.documentId}`} className="font-medium text-brand-700 hover:underline">
                        {p.documentNumber}
                      </Link>
                    ) : (
                      <span className="font-medium">{p.documentNumber ?? "Return"}</span>
                    )}
                    {p.line ? <span className="text-slate-500"> · line {p.line}</span> : null}
                    <span className="block text-slate-700">{p.message.replace(/^[^:]*: /, "")}</span>
                  </span>
                </li>
              ))}
            </ul>
          )}
          {problems.length > SHOWN && <p className="mt-2 text-sm text-slate-500">{problems.length - SHOWN} more — the problems API lists them all.</p>}
        </CardBody>
      </Card>

      <Card>
        <CardHeader title="Ties to the books" description="The return's taxable value and tax against the sales register of the period (invoices + debit notes − credit notes, cancelled left out), Table 12 against the sections, and the documents issued against the number series." actions={t.ok ? <Badge tone="success">Ties</Badge> : <Badge tone="danger">Does not tie</Badge>} />
        <CardBody className="space-y-3">
          <Table aria-label="Tie-out">
            <THead>
              <Tr>
                <Th>Figure</Th>
                <Th numeric>Taxable value</Th>
                <Th numeric>IGST</Th>
                <Th numeric>CGST</Th>
                <Th numeric>SGST</Th>
                <Th numeric>Cess</Th>
              </Tr>
            </THead>
            <TBody>
              {(
                [
                  [`Sales register (${t.register.documents} documents)`, t.register],
                  ["GSTR-1 sections", t.sections],
                  ["Table 12 (HSN)", t.hsn],
                ] as const
              ).map(([label, a]) => (
                <Tr key={label}>
                  <Td>{label}</Td>
                  <Td numeric>{formatINR(a.taxable)}</Td>
                  <Td numeric>{formatINR(a.igst)}</Td>
                  <Td numeric>{formatINR(a.cgst)}</Td>
                  <Td numeric>{formatINR(a.sgst)}</Td>
                  <Td numeric>{formatINR(a.cess)}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
          <ul className="grid gap-1 text-sm sm:grid-cols-2" aria-label="Checks">
            {t.checks.map((c) => (
              <li key={c.name} className={c.ok ? "text-slate-600" : "font-medium text-danger-700"}>
                {c.ok ? "✓" : "✗"} {c.name}: {c.actual}
                {c.ok ? "" : ` (books: ${c.expected})`}
              </li>
            ))}
          </ul>
        </CardBody>
      </Card>

      <section aria-labelledby="sections-h">
        <h2 id="sections-h" className="mb-2 text-base font-semibold text-slate-900">
          Sections
        </h2>
        {totals.records === 0 && !json.doc_issue ? (
          <EmptyState bordered title="No documents in this period" description="Nothing was invoiced, credited or debited in the period." />
        ) : (
          <Table aria-label="GSTR-1 sections">
            <THead>
              <Tr>
                <Th>Table</Th>
                <Th numeric>Records</Th>
                <Th numeric>Taxable value</Th>
                <Th numeric>IGST</Th>
                <Th numeric>CGST</Th>
                <Th numeric>SGST</Th>
                <Th numeric>Cess</Th>
              </Tr>
            </THead>
            <TBody>
              {sections.map((s) => (
                <Tr key={s.section}>
                  <Td>
                    <span className="font-medium">{s.section}</span>
                    <span className="block text-xs text-slate-500">{s.label}</span>
                  </Td>
                  <Td numeric>{s.records}</Td>
                  <Td numeric>{formatINR(s.taxable)}</Td>
                  <Td numeric>{formatINR(s.igst)}</Td>
                  <Td numeric>{formatINR(s.cgst)}</Td>
                  <Td numeric>{formatINR(s.sgst)}</Td>
                  <Td numeric>{formatINR(s.cess)}</Td>
                </Tr>
              ))}
            </TBody>
            <TFoot>
              <Tr>
                <Td>Net (notes signed)</Td>
                <Td numeric>{totals.records}</Td>
                <Td numeric>{formatINR(t.sections.taxable)}</Td>
                <Td numeric>{formatINR(t.sections.igst)}</Td>
                <Td numeric>{formatINR(t.sections.cgst)}</Td>
                <Td numeric>{formatINR(t.sections.sgst)}</Td>
                <Td numeric>{formatINR(t.sections.cess)}</Td>
              </Tr>
            </TFoot>
          </Table>
        )}
      </section>

      {json.doc_issue && (
        <section aria-labelledby="docs-h">
          <h2 id="docs-h" className="mb-2 text-base font-semibold text-slate-900">
            Documents issued (Table 13)
          </h2>
          <Table aria-label="Documents issued">
            <THead>
              <Tr>
                <Th>Nature</Th>
                <Th>From</Th>
                <Th>To</Th>
                <Th numeric>Total</Th>
                <Th numeric>Cancelled</Th>
                <Th numeric>Net issued</Th>
              </Tr>
            </THead>
            <TBody>
              {json.doc_issue.doc_det.flatMap((d) =>
                d.docs.map((r) => (
                  <Tr key={`${d.doc_num}-${r.from}`}>
                    <Td>{natures[d.doc_num]}</Td>
                    <Td className="whitespace-nowrap">{r.from}</Td>
                    <Td className="whitespace-nowrap">{r.to}</Td>
                    <Td numeric>{formatIndianNumber(r.totnum, 0)}</Td>
                    <Td numeric>{formatIndianNumber(r.cancel, 0)}</Td>
                    <Td numeric>{formatIndianNumber(r.net_issue, 0)}</Td>
                  </Tr>
                )),
              )}
            </TBody>
          </Table>
        </section>
      )}

      {hsn.length > 0 && (
        <details className="rounded-lg border border-slate-200 bg-white">
          <summary className="cursor-pointer px-4 py-3 text-sm font-medium text-slate-900">HSN summary (Table 12): {hsn.length} rows{report.period.hsnSplit ? ", B2B and B2C tabs" : ""}</summary>
          <div className="px-4 pb-4">
            <Table aria-label="HSN summary">
              <THead>
                <Tr>
                  {report.period.hsnSplit && <Th>Tab</Th>}
                  <Th>HSN</Th>
                  <Th>Description</Th>
                  <Th>UQC</Th>
                  <Th numeric>Quantity</Th>
                  <Th numeric>Rate</Th>
                  <Th numeric>Taxable value</Th>
                  <Th numeric>Tax</Th>
                </Tr>
              </THead>
              <TBody>
                {hsnTabs(json).map(([tab, r]) => (
                  <Tr key={`${tab}-${r.num}`}>
                    {report.period.hsnSplit && <Td>{tab}</Td>}
                    <Td>{r.hsn_sc}</Td>
                    <Td>{r.desc}</Td>
                    <Td>{r.uqc}</Td>
                    <Td numeric>{formatIndianNumber(r.qty)}</Td>
                    <Td numeric>{r.rt}%</Td>
                    <Td numeric>{formatINR(r.txval)}</Td>
                    <Td numeric>{formatINR(Math.round((r.iamt + r.camt + r.samt + r.csamt) * 100) / 100)}</Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
          </div>
        </details>
      )}
    </>
  );
}

function hsnTabs(json: Gstr1Report["json"]) {
  const h = json.hsn;
  if (!h) return [];
  if ("data" in h) return h.data.map((r) => ["", r] as const);
  return [...(h.hsn_b2b ?? []).map((r) => ["B2B", r] as const), ...(h.hsn_b2c ?? []).map((r) => ["B2C", r] as const)];
}

import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { formatINR } from "@/lib/format";
import { stateName } from "@/lib/integrations/gst/states";
import type { Gstr3bReport } from "@/lib/reporting/gst/get-gstr3b";
import { DocumentsList } from "./documents-list";

export function Gstr3bTab({ report }: { report: Gstr3bReport }) {
  return (
    <>
      <section aria-labelledby="t31">
        <h2 id="t31" className="mb-1 text-base font-semibold text-slate-900">
          3.1 Details of outward supplies and inward supplies liable to reverse charge
        </h2>
        <p className="mb-3 text-sm text-slate-500">From the same documents as GSTR-1. Open a figure to see where it comes from and the documents that make it.</p>
        <Table aria-label="GSTR-3B table 3.1">
          <THead>
            <Tr>
              <Th>Nature of supplies</Th>
              <Th numeric>Taxable value</Th>
              <Th numeric>IGST</Th>
              <Th numeric>CGST</Th>
              <Th numeric>SGST/UTGST</Th>
              <Th numeric>Cess</Th>
            </Tr>
          </THead>
          <TBody>
            {report.table31.map((r) => (
              <Tr key={r.key} className={r.key === "rcm" ? "bg-slate-50" : undefined}>
                <Td className="min-w-64 align-top">
                  <details>
                    <summary className="cursor-pointer font-medium text-slate-900">{r.label}</summary>
                    <p className="mt-1 text-xs text-slate-500">{r.derivation}</p>
                    <div className="mt-2">
                      <DocumentsList documents={r.documents} />
                    </div>
                  </details>
                </Td>
                <Td numeric className="align-top">{formatINR(r.taxable)}</Td>
                <Td numeric className="align-top">{formatINR(r.igst)}</Td>
                <Td numeric className="align-top">{formatINR(r.cgst)}</Td>
                <Td numeric className="align-top">{formatINR(r.sgst)}</Td>
                <Td numeric className="align-top">{formatINR(r.cess)}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      </section>
      <section aria-labelledby="t32">
        <h2 id="t32" className="mb-1 text-base font-semibold text-slate-900">
          3.2 Inter-state supplies to unregistered persons
        </h2>
        <p className="mb-3 text-sm text-slate-500">GSTR-1 b2cl and inter-state b2cs with their notes, by place of supply. Supplies to composition dealers and UIN holders are not recorded separately, so they are 0.</p>
        {report.table32.length === 0 ? (
          <p className="text-sm text-slate-600">No inter-state supplies to unregistered persons in this period.</p>
        ) : (
          <Table aria-label="GSTR-3B table 3.2">
            <THead>
              <Tr>
                <Th>Place of supply</Th>
                <Th numeric>Taxable value</Th>
                <Th numeric>IGST</Th>
              </Tr>
            </THead>
            <TBody>
              {report.table32.map((r) => (
                <Tr key={r.pos}>
                  <Td className="min-w-64 align-top">
                    <details>
                      <summary className="cursor-pointer font-medium text-slate-900">
                        {r.pos} – {stateName(r.pos) ?? "Unknown"}
                      </summary>
                      <div className="mt-2">
                        <DocumentsList documents={r.documents} />
                      </div>
                    </details>
                  </Td>
                  <Td numeric className="align-top">{formatINR(r.taxable)}</Td>
                  <Td numeric className="align-top">{formatINR(r.igst)}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
      </section>
    </>
  );
}

// The numbers behind a chart as a table, behind a "Show as table" toggle (a native <details>, so it
// works without script and is announced as a disclosure).
import { formatINR } from "@/lib/format";

export function ChartTable({ caption, columns, rows }: { caption: string; columns: string[]; rows: (string | null)[][] }) {
  return (
    <details className="mt-3 text-sm">
      <summary className="cursor-pointer text-brand-700 hover:underline">Show as table</summary>
      <div className="mt-2 max-h-80 overflow-auto rounded border border-slate-200">
        <table className="w-full text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead className="sticky top-0 bg-slate-50 text-xs text-slate-500">
            <tr>
              {columns.map((c, i) => (
                <th key={c} scope="col" className={i === 0 ? "px-3 py-2 text-left font-medium" : "px-3 py-2 text-right font-medium"}>
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((r) => (
              <tr key={r[0]}>
                {r.map((v, i) =>
                  i === 0 ? (
                    <th key={i} scope="row" className="px-3 py-1.5 text-left font-normal text-slate-700">
                      {v}
                    </th>
                  ) : (
                    <td key={i} className="px-3 py-1.5 text-right tabular-nums">
                      {v === null ? "—" : formatINR(v)}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

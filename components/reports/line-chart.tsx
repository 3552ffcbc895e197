// A line or bar chart drawn on the server as SVG from series the server already computed (amounts as
// decimal strings): no chart library reaches the browser. The figures are also in a table beside the
// chart (ChartTable), for screen readers and for anyone who wants the numbers, so the SVG is hidden from
// assistive technology; hovering a day or a bar shows its figures (an SVG <title>, no script).
//
// It is drawn twice, for a wide box and for a phone, and CSS shows the one that fits: an SVG scales its
// text with its width, so one drawing cannot stay readable from 360 px to 1366 px.
import { formatINR } from "@/lib/format";
import { chartGeometry, type ChartPoint, type ChartSeries } from "./chart-geometry";

export type { ChartPoint, ChartSeries } from "./chart-geometry";

/** `width`: the box the wide drawing is made for (its text is 11 px there), e.g. 1040 for a chart across a report page. */
export function SalesLineChart({ points, series, height = 260, width = 760, kind = "line" }: { points: ChartPoint[]; series: ChartSeries[]; height?: number; width?: number; kind?: "line" | "bar" }) {
  return (
    <div aria-hidden="true" className="w-full" data-chart={kind}>
      <Drawing className="hidden sm:block" width={width} height={height} points={points} series={series} kind={kind} />
      <Drawing className="sm:hidden" width={360} height={Math.round(height * 0.9)} points={points} series={series} kind={kind} />
      <ul className="mt-2 flex flex-wrap justify-center gap-x-4 gap-y-1 text-xs text-slate-600">
        {series.map((s) => (
          <li key={s.key} className="flex items-center gap-1.5">
            <svg width="16" height="8" className="shrink-0">
              {kind === "bar" ? <rect width="16" height="8" rx="1" fill={s.color} /> : <line x1="0" y1="4" x2="16" y2="4" stroke={s.color} strokeWidth="2" strokeDasharray={s.dashed ? "4 3" : undefined} />}
            </svg>
            {s.label}
          </li>
        ))}
      </ul>
    </div>
  );
}

function Drawing({ className, width, height, points, series, kind }: { className: string; width: number; height: number; points: ChartPoint[]; series: ChartSeries[]; kind: "line" | "bar" }) {
  const g = chartGeometry({ points, series, width, height, kind });
  return (
    <svg className={`chart-surface ${className}`} viewBox={`0 0 ${width} ${height}`} width="100%" role="presentation" focusable="false" style={{ maxHeight: height * 1.25 }}>
      {g.yTicks.map((t) => (
        <g key={t.y}>
          <line x1={g.plot.left} x2={g.plot.right} y1={t.y} y2={t.y} stroke="#e2e8f0" strokeDasharray={t.value === 0 ? undefined : "3 3"} />
          <text x={g.plot.left - 6} y={t.y} dy="0.32em" textAnchor="end" fontSize="11" fill="#64748b">
            {t.label}
          </text>
        </g>
      ))}
      <line x1={g.plot.left} x2={g.plot.right} y1={g.plot.bottom} y2={g.plot.bottom} stroke="#cbd5e1" />
      {g.xLabels.map((l) => (
        <text key={l.index} x={l.x} y={g.plot.bottom + 16} textAnchor="middle" fontSize="11" fill="#64748b">
          {l.text}
        </text>
      ))}
      {kind === "bar"
        ? g.bars.map((b) => <rect key={`${b.series}-${b.index}`} x={b.x} y={b.y} width={b.width} height={b.height} fill={b.color} rx="1" />)
        : g.lines.map((l) => <path key={l.series} d={l.d} fill="none" stroke={l.color} strokeWidth="2" strokeDasharray={l.dashed ? "5 4" : undefined} strokeLinejoin="round" strokeLinecap="round" />)}
      {g.slots.map((s) => (
        <rect key={s.index} x={s.x} y={g.plot.top} width={s.width} height={g.plot.bottom - g.plot.top} className="fill-transparent hover:fill-slate-900/5">
          <title>{[points[s.index].label, ...series.map((x) => `${x.label}: ${points[s.index][x.key] === null || points[s.index][x.key] === undefined ? "—" : formatINR(String(points[s.index][x.key]), { decimals: 0 })}`)].join("\n")}</title>
        </rect>
      ))}
    </svg>
  );
}

"use client";
// A small client island that draws series the server already computed (amounts as decimal
// strings). The figures are also in a table beside the chart (ChartTable), for screen readers
// and for anyone who wants the numbers; the SVG itself is hidden from assistive technology and takes
// no keyboard focus (recharts' keyboard layer off: a hidden element must not be focusable).
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis, Bar, BarChart } from "recharts";
import { formatINR } from "@/lib/format";
import { compactINR } from "./compact-inr";

export type ChartSeries = { key: string; label: string; color: string; dashed?: boolean };
export type ChartPoint = { label: string } & Record<string, string | number | null>;

export function SalesLineChart({ points, series, height = 260, kind = "line" }: { points: ChartPoint[]; series: ChartSeries[]; height?: number; kind?: "line" | "bar" }) {
  const data = points.map((p) => Object.fromEntries(Object.entries(p).map(([k, v]) => [k, k === "label" || v === null ? v : Number(v)])));
  const common = (
    <>
      <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" vertical={false} />
      <XAxis dataKey="label" tick={{ fontSize: 11, fill: "#64748b" }} tickLine={false} axisLine={{ stroke: "#cbd5e1" }} minTickGap={12} />
      <YAxis tickFormatter={(v: number) => compactINR(v)} tick={{ fontSize: 11, fill: "#64748b" }} tickLine={false} axisLine={false} width={64} />
      <Tooltip formatter={(v) => formatINR(String(v), { decimals: 0 })} labelClassName="text-slate-700" contentStyle={{ fontSize: 12, borderRadius: 8 }} />
      <Legend wrapperStyle={{ fontSize: 12 }} />
    </>
  );
  return (
    <div aria-hidden="true" className="w-full" style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        {kind === "bar" ? (
          <BarChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            {common}
            {series.map((s) => (
              <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.color} isAnimationActive={false} />
            ))}
          </BarChart>
        ) : (
          <LineChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            {common}
            {series.map((s) => (
              <Line key={s.key} type="monotone" dataKey={s.key} name={s.label} stroke={s.color} strokeWidth={2} strokeDasharray={s.dashed ? "5 4" : undefined} dot={false} connectNulls={false} isAnimationActive={false} />
            ))}
          </LineChart>
        )}
      </ResponsiveContainer>
    </div>
  );
}

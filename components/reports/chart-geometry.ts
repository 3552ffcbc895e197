// Where everything in a chart goes, as plain numbers (kept apart from the drawing so it can be tested):
// a y scale on round steps that includes zero, y ticks in Indian units, as many x labels as fit without
// touching (long names shortened with "…"), line paths that break at a missing value, and grouped bars.
import { compactINR } from "./compact-inr";

export type ChartSeries = { key: string; label: string; color: string; dashed?: boolean };
export type ChartPoint = { label: string } & Record<string, string | number | null>;

const CHAR_WIDTH = 6.2; // an 11 px label's average character, in SVG units
const round = (n: number) => Math.round(n * 10) / 10;

/** A step of 1, 2, 2.5 or 5 × 10ⁿ that cuts `span` into at most `count` parts. */
export function niceStep(span: number, count: number): number {
  if (!(span > 0)) return 1;
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].find((m) => m * power >= raw) ?? 10;
  return step * power;
}

export function chartGeometry({ points, series, width, height, kind }: { points: ChartPoint[]; series: ChartSeries[]; width: number; height: number; kind: "line" | "bar" }) {
  const values = points.flatMap((p) => series.map((s) => p[s.key])).filter((v): v is string | number => v !== null && v !== undefined).map(Number).filter(Number.isFinite);
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  const step = niceStep(hi - lo || 1, height < 240 ? 4 : 5);
  const yMin = Math.floor(lo / step) * step;
  const yMax = Math.max(Math.ceil(hi / step) * step, yMin + step);

  const tickCount = Math.round((yMax - yMin) / step);
  const tickLabels = Array.from({ length: tickCount + 1 }, (_, i) => compactINR(yMin + i * step));
  const left = Math.max(...tickLabels.map((l) => l.length)) * CHAR_WIDTH + 10;
  const plot = { left, right: width - 8, top: 8, bottom: height - 24 };
  const y = (v: number) => round(plot.bottom - ((v - yMin) / (yMax - yMin)) * (plot.bottom - plot.top));
  const yTicks = tickLabels.map((label, i) => ({ value: yMin + i * step, label, y: y(yMin + i * step) }));

  const n = Math.max(points.length, 1);
  const slotWidth = (plot.right - plot.left) / n;
  // A line puts its points at the slots' centres, so the first and last sit half a slot in, like the bars.
  const x = (i: number) => round(plot.left + slotWidth * (i + 0.5));
  const slots = points.map((_, index) => ({ index, x: round(plot.left + slotWidth * index), width: round(slotWidth) }));

  const widest = Math.max(...points.map((p) => p.label.length), 1);
  const fitChars = Math.floor((slotWidth - 4) / CHAR_WIDTH);
  // Bars keep every label (shortened to its slot) while at least four characters fit; otherwise, and for
  // lines, every k-th label at full length, with two characters' room between, so that none touch.
  const shorten = kind === "bar" && fitChars >= 4 && widest > fitChars;
  const every = shorten ? 1 : Math.max(1, Math.ceil(((widest + 2) * CHAR_WIDTH) / slotWidth));
  const xLabels = points
    .map((p, index) => ({ index, x: x(index), text: shorten && p.label.length > fitChars ? `${p.label.slice(0, fitChars - 1).trimEnd()}…` : p.label }))
    .filter((l) => l.index % every === 0);

  const lines = series.map((s) => {
    let d = "";
    let pen = false;
    points.forEach((p, i) => {
      const v = p[s.key];
      if (v === null || v === undefined || !Number.isFinite(Number(v))) {
        pen = false;
        return;
      }
      d += `${pen ? "L" : "M"}${x(i)},${y(Number(v))}`;
      pen = true;
    });
    return { series: s.key, color: s.color, dashed: !!s.dashed, d };
  });

  const groupWidth = slotWidth * 0.72;
  const barWidth = groupWidth / Math.max(series.length, 1);
  const bars = points.flatMap((p, index) =>
    series.flatMap((s, k) => {
      const v = Number(p[s.key]);
      if (p[s.key] === null || p[s.key] === undefined || !Number.isFinite(v)) return [];
      const top = y(Math.max(v, 0));
      const bottom = y(Math.min(v, 0));
      return [{ series: s.key, index, color: s.color, x: round(plot.left + slotWidth * index + (slotWidth - groupWidth) / 2 + k * barWidth), width: round(Math.max(barWidth - 1, 1)), y: top, height: round(Math.max(bottom - top, v === 0 ? 0 : 1)) }];
    }),
  );

  return { plot, yTicks, xLabels, slots, lines, bars };
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** A period key as a chart's axis shows it: "2026-12-01" → "1 Dec", "2026-12" → "Dec 2026"; anything else as is. */
export function periodLabel(key: string): string {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key);
  if (day) return `${Number(day[3])} ${MONTHS[Number(day[2]) - 1]}`;
  const month = /^(\d{4})-(\d{2})$/.exec(key);
  if (month) return `${MONTHS[Number(month[2]) - 1]} ${month[1]}`;
  return key;
}

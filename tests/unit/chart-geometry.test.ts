import { describe, expect, it } from "vitest";
import { chartGeometry, niceStep, periodLabel } from "@/components/reports/chart-geometry";

describe("niceStep", () => {
  it("cuts a span into round steps of 1, 2, 2.5 or 5 × 10ⁿ", () => {
    expect(niceStep(100, 5)).toBe(20);
    expect(niceStep(1_23_456, 5)).toBe(25_000);
    expect(niceStep(7, 4)).toBe(2);
    expect(niceStep(0, 5)).toBe(1);
  });
});

describe("chartGeometry", () => {
  const series = [{ key: "a", label: "This month", color: "#000" }, { key: "b", label: "Last month", color: "#999", dashed: true }];

  it("scales from zero to a round top above the largest value, ticks in Indian units", () => {
    const g = chartGeometry({ points: [{ label: "1", a: "1500.50", b: 300 }, { label: "2", a: "92000", b: null }], series, width: 760, height: 260, kind: "line" });
    expect(g.yTicks[0]).toMatchObject({ value: 0, label: "₹0", y: g.plot.bottom });
    expect(g.yTicks.at(-1)).toMatchObject({ value: 100_000, label: "₹1L", y: g.plot.top });
    expect(g.yTicks.map((t) => t.label)).toEqual(["₹0", "₹20K", "₹40K", "₹60K", "₹80K", "₹1L"]);
  });

  it("breaks a line at a missing value instead of joining across it", () => {
    const points = [{ label: "1", a: 10, b: 1 }, { label: "2", a: 20, b: null }, { label: "3", a: 30, b: 3 }];
    const g = chartGeometry({ points, series, width: 760, height: 260, kind: "line" });
    expect(g.lines[0].d.match(/M/g)).toHaveLength(1);
    expect(g.lines[0].d.match(/L/g)).toHaveLength(2);
    expect(g.lines[1].d.match(/M/g)).toHaveLength(2);
    expect(g.lines[1].d).not.toContain("L");
  });

  it("puts negative bars below the zero line and positive above it", () => {
    const g = chartGeometry({ points: [{ label: "Apr", a: -500 }, { label: "May", a: 1500 }], series: [series[0]], width: 760, height: 260, kind: "bar" });
    const zero = g.yTicks.find((t) => t.value === 0)!.y;
    const [neg, pos] = g.bars;
    expect(neg.y).toBe(zero);
    expect(neg.height).toBeGreaterThan(0);
    expect(pos.y + pos.height).toBeCloseTo(zero, 0);
    expect(g.yTicks[0].value).toBeLessThan(0);
  });

  it("thins day labels on a phone so none touch, and shortens long bar labels to their slot", () => {
    const days = Array.from({ length: 31 }, (_, i) => ({ label: String(i + 1), a: i * 100 }));
    const phone = chartGeometry({ points: days, series: [series[0]], width: 360, height: 234, kind: "line" });
    const gaps = phone.xLabels.slice(1).map((l, i) => l.x - phone.xLabels[i].x);
    expect(phone.xLabels.length).toBeLessThan(31);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(4 * 6.2);
    const wide = chartGeometry({ points: days, series: [series[0]], width: 760, height: 260, kind: "line" });
    expect(wide.xLabels.length).toBeGreaterThan(phone.xLabels.length);

    const names = ["Sharma Kirana Stores", "Gupta General Traders", "Patil Provision Mart"].map((label, i) => ({ label, a: (i + 1) * 1000 }));
    const bars = chartGeometry({ points: names, series: [series[0]], width: 360, height: 234, kind: "bar" });
    expect(bars.xLabels).toHaveLength(3);
    for (const l of bars.xLabels) expect(l.text.length * 6.2).toBeLessThanOrEqual(bars.slots[0].width);
    expect(bars.xLabels[0].text.endsWith("…")).toBe(true);
  });
});

describe("periodLabel", () => {
  it("shows a day as '1 Dec' and a month as 'Dec 2026', and leaves names alone", () => {
    expect(periodLabel("2026-12-01")).toBe("1 Dec");
    expect(periodLabel("2026-03")).toBe("Mar 2026");
    expect(periodLabel("Sharma Kirana")).toBe("Sharma Kirana");
  });
});

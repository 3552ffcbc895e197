// The line table and the HSN-wise tax summary of an invoice or note. Columns follow the document's
// tax type: CGST + SGST (intra-state) or IGST (inter-state); discount and cess columns appear only
// when a line has one, so the description keeps the room. The header row is `fixed`, so react-pdf
// repeats it at the top of every page the table runs onto.
import { Text, View } from "@react-pdf/renderer";
import type { ReactNode } from "react";
import type { InvoiceDocument } from "@/lib/billing/invoice-access";
import { formatIndianNumber } from "@/lib/format";
import { Prisma } from "@/lib/generated/prisma/client";
import { LINE, MUTED, SHADE, s } from "./styles";

type Line = InvoiceDocument["lines"][number];
type Align = "left" | "right" | "center";
type Col = { w: number | null; align: Align; head: string; group?: string; cell: (l: Line, i: number) => ReactNode };

const D = Prisma.Decimal;
const money = (v: Prisma.Decimal | string | number) => formatIndianNumber(v);

export function LineTable({ doc }: { doc: InvoiceDocument }) {
  const cols = lineColumns(doc);
  return (
    <View style={{ marginTop: 8, borderWidth: 0.75, borderColor: LINE, borderBottomWidth: 0 }}>
      <HeaderRow cols={cols} />
      {doc.lines.map((l, i) => (
        <View key={l.id} wrap={false} style={{ flexDirection: "row", borderBottomWidth: 0.75, borderBottomColor: LINE, fontSize: 6.5 }}>
          {cols.map((c, ci) => (
            <View key={ci} style={cellBox(c, ci === cols.length - 1)}>
              {c.cell(l, i)}
            </View>
          ))}
        </View>
      ))}
    </View>
  );
}

function HeaderRow({ cols }: { cols: Col[] }) {
  // Consecutive columns of one tax ("CGST": rate, amount) share a group caption above them.
  const groups: { group?: string; cols: Col[] }[] = [];
  for (const c of cols) {
    const last = groups[groups.length - 1];
    if (c.group && last?.group === c.group) last.cols.push(c);
    else groups.push({ group: c.group, cols: [c] });
  }
  return (
    <View fixed style={{ flexDirection: "row", backgroundColor: SHADE, borderBottomWidth: 0.75, borderBottomColor: LINE, fontSize: 6.5, fontWeight: "bold" }}>
      {groups.map((g, gi) => {
        const lastGroup = gi === groups.length - 1;
        if (!g.group) {
          const c = g.cols[0];
          return (
            <View key={gi} style={[cellBox(c, lastGroup), { justifyContent: "center" }]}>
              <Text style={{ textAlign: c.align }}>{c.head}</Text>
            </View>
          );
        }
        const width = g.cols.reduce((sum, c) => sum + (c.w ?? 0), 0);
        return (
          <View key={gi} style={{ width, borderRightWidth: lastGroup ? 0 : 0.75, borderRightColor: LINE }}>
            <Text style={{ textAlign: "center", paddingVertical: 2, borderBottomWidth: 0.75, borderBottomColor: LINE }}>{g.group}</Text>
            <View style={{ flexDirection: "row" }}>
              {g.cols.map((c, ci) => (
                <Text key={ci} style={{ width: c.w ?? undefined, textAlign: c.align, paddingVertical: 2, paddingHorizontal: 3, borderRightWidth: ci === g.cols.length - 1 ? 0 : 0.75, borderRightColor: LINE }}>
                  {c.head}
                </Text>
              ))}
            </View>
          </View>
        );
      })}
    </View>
  );
}

function lineColumns(doc: InvoiceDocument): Col[] {
  const anyDiscount = doc.lines.some((l) => !l.discount.isZero());
  const anyCess = doc.lines.some((l) => !l.cessAmount.isZero());
  const intra = doc.taxType === "intra";
  const cols: Col[] = [
    { w: 14, align: "center", head: "#", cell: (_l, i) => <Text style={{ textAlign: "center" }}>{i + 1}</Text> },
    {
      w: null,
      align: "left",
      head: "Description of goods",
      cell: (l) => (
        <>
          <Text>{l.description}</Text>
          {l.freeGoods ? <Text style={{ fontSize: 5.5, fontWeight: "bold" }}>Free goods (scheme): no charge, no taxable value</Text> : null}
          {l.sku ? <Text style={{ color: MUTED, fontSize: 5.5 }}>SKU {l.sku}</Text> : null}
        </>
      ),
    },
    { w: 38, align: "center", head: "HSN", cell: (l) => <Text style={{ textAlign: "center" }}>{l.hsnCode}</Text> },
    { w: 42, align: "right", head: "Qty", cell: (l) => <Text style={{ textAlign: "right" }}>{`${formatQty(l.quantity)} ${l.unit}`}</Text> },
    { w: 44, align: "right", head: "Rate", cell: (l) => <Text style={{ textAlign: "right" }}>{l.freeGoods ? "Free" : money(l.unitPrice)}</Text> },
  ];
  if (anyDiscount) cols.push({ w: 40, align: "right", head: "Discount", cell: (l) => <Text style={{ textAlign: "right" }}>{l.discount.isZero() ? "–" : money(l.discount)}</Text> });
  cols.push({ w: 54, align: "right", head: "Taxable value", cell: (l) => <Text style={{ textAlign: "right" }}>{money(l.taxableValue)}</Text> });
  if (intra) {
    for (const tax of ["CGST", "SGST"] as const) {
      cols.push({ w: 24, align: "right", head: "Rate", group: tax, cell: (l) => rateText(l.gstRate.div(2)) });
      cols.push({ w: 46, align: "right", head: "Amount", group: tax, cell: (l) => <Text style={{ textAlign: "right" }}>{money(tax === "CGST" ? l.cgstAmount : l.sgstAmount)}</Text> });
    }
  } else {
    cols.push({ w: 30, align: "right", head: "Rate", group: "IGST", cell: (l) => rateText(l.gstRate) });
    cols.push({ w: 52, align: "right", head: "Amount", group: "IGST", cell: (l) => <Text style={{ textAlign: "right" }}>{money(l.igstAmount)}</Text> });
  }
  if (anyCess) {
    const dash = <Text style={{ textAlign: "right" }}>–</Text>;
    cols.push({ w: 26, align: "right", head: "Rate", group: "Cess", cell: (l) => (l.cessAmount.isZero() ? dash : rateText(l.cessRate)) });
    cols.push({ w: 40, align: "right", head: "Amount", group: "Cess", cell: (l) => (l.cessAmount.isZero() ? dash : <Text style={{ textAlign: "right" }}>{money(l.cessAmount)}</Text>) });
  }
  cols.push({ w: 56, align: "right", head: "Total", cell: (l) => <Text style={{ textAlign: "right", fontWeight: "bold" }}>{money(l.lineTotal)}</Text> });
  return cols;
}

function rateText(rate: Prisma.Decimal) {
  return <Text style={{ textAlign: "right" }}>{formatRate(rate)}</Text>;
}

function cellBox(c: Col, last: boolean) {
  return {
    ...(c.w === null ? { flexGrow: 1, flexBasis: 0 } : { width: c.w }),
    paddingVertical: 2.5,
    paddingHorizontal: 2.5,
    borderRightWidth: last ? 0 : 0.75,
    borderRightColor: LINE,
  };
}

/** One row per HSN and rate, as GSTR-1's HSN summary and Indian invoices show it. */
export function HsnSummary({ doc }: { doc: InvoiceDocument }) {
  const intra = doc.taxType === "intra";
  const rows = hsnRows(doc.lines);
  const anyCess = rows.some((r) => !r.cess.isZero());
  const total = rows.reduce(
    (t, r) => ({ taxable: t.taxable.plus(r.taxable), cgst: t.cgst.plus(r.cgst), sgst: t.sgst.plus(r.sgst), igst: t.igst.plus(r.igst), cess: t.cess.plus(r.cess) }),
    { taxable: new D(0), cgst: new D(0), sgst: new D(0), igst: new D(0), cess: new D(0) },
  );
  const taxCols: { head: string; pick: (r: typeof total) => Prisma.Decimal }[] = intra
    ? [
        { head: "CGST", pick: (r) => r.cgst },
        { head: "SGST", pick: (r) => r.sgst },
      ]
    : [{ head: "IGST", pick: (r) => r.igst }];
  if (anyCess) taxCols.push({ head: "Cess", pick: (r) => r.cess });
  const totalTax = (r: typeof total) => r.cgst.plus(r.sgst).plus(r.igst).plus(r.cess);
  return (
    <View wrap={false} style={{ marginTop: 8 }}>
      <Text style={s.boxTitle}>HSN-wise tax summary</Text>
      <View style={{ borderWidth: 0.75, borderColor: LINE, borderBottomWidth: 0, fontSize: 6.5 }}>
        <SummaryRow head cells={["HSN", "Rate", "Taxable value", ...taxCols.map((c) => c.head), "Total tax"]} />
        {rows.map((r) => (
          <SummaryRow key={`${r.hsn}-${r.rate.toString()}`} cells={[r.hsn, formatRate(r.rate), money(r.taxable), ...taxCols.map((c) => money(c.pick(r))), money(totalTax(r))]} />
        ))}
        <SummaryRow bold cells={["Total", "", money(total.taxable), ...taxCols.map((c) => money(c.pick(total))), money(totalTax(total))]} />
      </View>
    </View>
  );
}

function SummaryRow({ cells, head, bold }: { cells: string[]; head?: boolean; bold?: boolean }) {
  const cell = (w: number | null, last: boolean) => ({ ...(w === null ? { flexGrow: 1, flexBasis: 0 } : { width: w }), paddingVertical: 2, paddingHorizontal: 3, borderRightWidth: last ? 0 : 0.75, borderRightColor: LINE });
  return (
    <View wrap={false} style={{ flexDirection: "row", borderBottomWidth: 0.75, borderBottomColor: LINE, backgroundColor: head ? SHADE : undefined, fontWeight: head || bold ? "bold" : "normal" }}>
      {cells.map((c, i) => (
        <Text key={i} style={[cell(i === 0 ? null : i === 1 ? 36 : 66, i === cells.length - 1), { textAlign: i === 0 ? "left" : "right" }]}>
          {c}
        </Text>
      ))}
    </View>
  );
}

function hsnRows(lines: Line[]) {
  const map = new Map<string, { hsn: string; rate: Prisma.Decimal; taxable: Prisma.Decimal; cgst: Prisma.Decimal; sgst: Prisma.Decimal; igst: Prisma.Decimal; cess: Prisma.Decimal }>();
  for (const l of lines) {
    const key = `${l.hsnCode}|${l.gstRate.toString()}`;
    const r = map.get(key) ?? { hsn: l.hsnCode, rate: l.gstRate, taxable: new D(0), cgst: new D(0), sgst: new D(0), igst: new D(0), cess: new D(0) };
    r.taxable = r.taxable.plus(l.taxableValue);
    r.cgst = r.cgst.plus(l.cgstAmount);
    r.sgst = r.sgst.plus(l.sgstAmount);
    r.igst = r.igst.plus(l.igstAmount);
    r.cess = r.cess.plus(l.cessAmount);
    map.set(key, r);
  }
  return [...map.values()].sort((a, b) => a.hsn.localeCompare(b.hsn) || a.rate.comparedTo(b.rate));
}

/** "18%", "2.5%", "0.125%": a rate without trailing zeros. */
export function formatRate(rate: Prisma.Decimal | string): string {
  return `${new D(rate).toString()}%`;
}

/** "12", "2.5", "0.125": a quantity without trailing zeros. */
export function formatQty(qty: Prisma.Decimal | string): string {
  return new D(qty).toString();
}

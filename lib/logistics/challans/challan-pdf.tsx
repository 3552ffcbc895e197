import "server-only";
// The PDF of a delivery challan (CGST Rule 55) in the house style of the invoices: consignor and consignee
// with GSTINs and addresses, number and date, the reason the goods move, HSN-wise lines with quantity, unit,
// value and the GST rate (for information — no tax is charged), totals in figures and words, the e-way bill
// when one exists, and the signature. Printed in triplicate as Rule 55(2) asks (original for the consignee,
// duplicate for the transporter, triplicate for the consignor) — one PDF page set per copy.
import { Document, Page, Text, View } from "@react-pdf/renderer";
import { PageNumber, renderDocument, type PageNumbering } from "@/lib/billing/pdf/render-document";
import { ACCENT, DANGER, LINE, MUTED, SHADE, s } from "@/lib/billing/pdf/styles";
import { formatDate, formatIndianNumber } from "@/lib/format";
import { stateName } from "@/lib/integrations/gst/states";
import { amountInWords } from "@/lib/tax/amount-in-words";
import type { ChallanParty } from "./challan-types";
import type { ChallanView } from "./challan-views";
import { challanReasonLabels } from "./challans.schemas";

const COPIES = ["Original for consignee", "Duplicate for transporter", "Triplicate for consignor"] as const;
const COLS = { n: 18, desc: 0, hsn: 50, qty: 58, rate: 62, value: 70, gst: 40 };

export async function renderChallanPdf(c: ChallanView, opts: { signatoryName?: string | null } = {}): Promise<Buffer> {
  return renderDocument((numbering) => (
    <Document title={`Delivery challan ${c.number}`} author={c.consignor.name} subject={`Delivery challan ${c.number} — ${c.consignee.name}`} creator="Vendor ERP" producer="Vendor ERP">
      {COPIES.map((copy) => (
        <ChallanPage key={copy} c={c} copy={copy} signatoryName={opts.signatoryName ?? null} numbering={numbering} />
      ))}
    </Document>
  ));
}

function ChallanPage({ c, copy, signatoryName, numbering }: { c: ChallanView; copy: string; signatoryName: string | null; numbering: PageNumbering }) {
  const ewb = c.ewayBills.find((e) => e.status === "GENERATED" && e.ewbNo);
  return (
    <Page size="A4" style={s.page}>
      {c.status === "CANCELLED" ? (
        <Text fixed style={s.watermark}>
          CANCELLED
        </Text>
      ) : null}
      <View style={[s.row, { alignItems: "flex-start", paddingBottom: 8, borderBottomWidth: 1.5, borderBottomColor: ACCENT }]}>
        <View style={s.grow}>
          <Text style={{ fontSize: 13, fontWeight: "bold", lineHeight: 1.25 }}>{c.consignor.name}</Text>
          <Address p={c.consignor} />
          <Text>
            <Text style={s.bold}>GSTIN </Text>
            {c.consignor.gstin ?? "Unregistered"}
          </Text>
        </View>
        <View style={{ alignItems: "flex-end", marginLeft: 10 }}>
          <Text style={{ fontSize: 15, fontWeight: "bold", color: ACCENT, letterSpacing: 1, lineHeight: 1.25 }}>DELIVERY CHALLAN</Text>
          <Text style={[s.small, s.muted]}>{copy}</Text>
          {c.status === "CANCELLED" ? <Text style={{ marginTop: 3, color: DANGER, fontWeight: "bold", borderWidth: 1, borderColor: DANGER, paddingHorizontal: 4, paddingVertical: 1 }}>CANCELLED</Text> : null}
        </View>
      </View>
      {c.status === "CANCELLED" ? <Text style={{ marginTop: 6, color: DANGER, fontWeight: "bold" }}>{`This challan was cancelled${c.cancelReason ? `: ${c.cancelReason}` : "."}`}</Text> : null}
      <View style={[s.row, s.box, { marginTop: 8, padding: 5 }]}>
        {(
          [
            ["Challan No.", c.number],
            ["Date", formatDate(c.challanDate)],
            ["Purpose", challanReasonLabels[c.reason]],
            ["Shipment", c.shipment?.number ?? "—"],
            ["E-way bill", ewb ? `${ewb.ewbNo}` : "—"],
          ] as const
        ).map(([k, v]) => (
          <View key={k} style={s.grow}>
            <Text style={s.boxTitle}>{k}</Text>
            <Text style={s.bold}>{v}</Text>
          </View>
        ))}
      </View>
      {c.reasonNote ? <Text style={{ marginTop: 4 }}>{c.reasonNote}</Text> : null}
      <View style={[s.row, { marginTop: 8 }]}>
        <View style={[s.grow, s.box, { padding: 5, marginRight: 6 }]}>
          <Text style={s.boxTitle}>Consignor (from)</Text>
          <Text style={s.bold}>{c.consignor.name}</Text>
          <Address p={c.consignor} />
          <Text>{`${c.fromWarehouse.name} (${c.fromWarehouse.code})`}</Text>
        </View>
        <View style={[s.grow, s.box, { padding: 5 }]}>
          <Text style={s.boxTitle}>Consignee (to)</Text>
          <Text style={s.bold}>{c.consignee.name}</Text>
          <Address p={c.consignee} />
          <Text>
            <Text style={s.bold}>GSTIN </Text>
            {c.consignee.gstin ?? "Unregistered"}
          </Text>
        </View>
      </View>
      <View style={{ marginTop: 8, borderWidth: 0.75, borderColor: LINE }}>
        <View style={[s.row, { backgroundColor: SHADE, fontWeight: "bold" }]} fixed>
          <Cell w={COLS.n}>#</Cell>
          <Cell grow>Description</Cell>
          <Cell w={COLS.hsn}>HSN</Cell>
          <Cell w={COLS.qty} right>Qty</Cell>
          <Cell w={COLS.rate} right>Rate ₹</Cell>
          <Cell w={COLS.value} right>Value ₹</Cell>
          <Cell w={COLS.gst} right>GST %</Cell>
        </View>
        {c.lines.map((l) => (
          <View key={l.position} style={[s.row, { borderTopWidth: 0.5, borderTopColor: LINE }]} wrap={false}>
            <Cell w={COLS.n}>{String(l.position)}</Cell>
            <Cell grow>{l.sku ? `${l.description} (${l.sku})` : l.description}</Cell>
            <Cell w={COLS.hsn}>{l.hsnCode}</Cell>
            <Cell w={COLS.qty} right>{`${l.quantity} ${l.unit}`}</Cell>
            <Cell w={COLS.rate} right>{formatIndianNumber(l.rate)}</Cell>
            <Cell w={COLS.value} right>{formatIndianNumber(l.taxableValue)}</Cell>
            <Cell w={COLS.gst} right>{l.gstRate}</Cell>
          </View>
        ))}
      </View>
      <View wrap={false} style={[s.row, { marginTop: 8 }]}>
        <View style={[s.grow, { marginRight: 6 }]}>
          <Text style={[s.small, s.muted]}>Value in words</Text>
          <Text style={s.bold}>{amountInWords(c.totalValue)}</Text>
          <Text style={[s.small, s.muted, { marginTop: 6 }]}>Goods moved under a delivery challan (CGST Rule 55); not a supply, no tax charged. GST shown for information at the rates that would apply.</Text>
        </View>
        <View style={[s.box, { width: 220, padding: 5 }]}>
          {(
            [
              ["Value of goods", c.taxableTotal],
              ...(c.taxType === "intra" ? ([["CGST (information)", c.cgstTotal], ["SGST (information)", c.sgstTotal]] as const) : ([["IGST (information)", c.igstTotal]] as const)),
              ...(Number(c.cessTotal) > 0 ? ([["Cess (information)", c.cessTotal]] as const) : []),
            ] as [string, string][]
          ).map(([k, v]) => (
            <View key={k} style={[s.row, { marginBottom: 1 }]}>
              <Text style={[s.grow, s.muted]}>{k}</Text>
              <Text>{formatIndianNumber(v)}</Text>
            </View>
          ))}
          <View style={[s.row, { marginTop: 3, paddingTop: 3, borderTopWidth: 0.75, borderTopColor: LINE }]}>
            <Text style={[s.grow, s.bold]}>Total value ₹</Text>
            <Text style={[s.bold, { fontSize: 10 }]}>{formatIndianNumber(c.totalValue)}</Text>
          </View>
        </View>
      </View>
      <View wrap={false} style={[s.row, { marginTop: 14 }]}>
        <View style={[s.grow, s.box, { padding: 5, marginRight: 6, minHeight: 60 }]}>
          <Text style={s.boxTitle}>Received by (consignee)</Text>
          <Text style={[s.small, { color: MUTED, marginTop: 30 }]}>Name, signature and date</Text>
        </View>
        <View style={[s.box, { width: 200, padding: 5, alignItems: "flex-end", justifyContent: "space-between", minHeight: 60 }]}>
          <Text style={s.bold}>{`For ${c.consignor.name}`}</Text>
          <View style={{ alignItems: "flex-end" }}>
            {signatoryName ? <Text>{signatoryName}</Text> : null}
            <Text style={[s.small, s.muted]}>Authorised Signatory</Text>
          </View>
        </View>
      </View>
      <Text fixed style={s.footerLeft}>{`${c.number} · ${c.consignor.name} · This is a computer-generated document.`}</Text>
      <PageNumber numbering={numbering} />
    </Page>
  );
}

function Address({ p }: { p: ChallanParty }) {
  return (
    <>
      <Text>{[p.address1, p.address2].filter(Boolean).join(", ")}</Text>
      <Text>{`${p.city} ${p.pincode} · ${stateName(p.stateCode) ?? "State"} (${p.stateCode})`}</Text>
    </>
  );
}

function Cell({ children, w, grow, right }: { children: string; w?: number; grow?: boolean; right?: boolean }) {
  return <Text style={[s.cellPad, grow ? s.grow : { width: w }, right ? s.right : {}]}>{children}</Text>;
}

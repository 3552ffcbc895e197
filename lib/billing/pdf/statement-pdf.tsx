import "server-only";
// The statement of account (retailer ledger) as a PDF: vendor and retailer, the period, the opening
// balance, every invoice, note, receipt and refund with a running balance, totals, the closing balance
// and its ageing. Balances print as "Dr" (the retailer owes) or "Cr" (the vendor owes), as Indian
// ledgers do. The numbers are LedgerView's (lib/billing/get-ledger.ts); nothing is recomputed here.
import { Document, Page, Text, View } from "@react-pdf/renderer";
import type { LedgerView } from "@/lib/billing/ledger-types";
import { formatDate, formatDateTime, formatINR, formatIndianNumber } from "@/lib/format";
import { Prisma } from "@/lib/generated/prisma/client";
import { PageNumber, renderDocument, type PageNumbering } from "./render-document";
import { ACCENT, LINE, MUTED, SHADE, s } from "./styles";

const D = Prisma.Decimal;

export async function renderStatementPdf(ledger: LedgerView): Promise<Buffer> {
  return renderDocument((numbering) => <StatementPdf ledger={ledger} numbering={numbering} />);
}

/** "1,234.00 Dr" / "560.00 Cr" / "0.00". */
export function drCr(amount: string): string {
  const d = new D(amount);
  if (d.isZero()) return "0.00";
  return `${formatIndianNumber(d.abs())} ${d.isNegative() ? "Cr" : "Dr"}`;
}

const COLS = { date: 58, number: 92, due: 58, debit: 66, credit: 66, balance: 76 };

function StatementPdf({ ledger, numbering }: { ledger: LedgerView; numbering: PageNumbering }) {
  const { vendor, retailer } = ledger;
  const period = `${formatDate(ledger.from)} – ${formatDate(ledger.to)}`;
  return (
    <Document title={`Statement of account — ${retailer.name} — ${period}`} author={vendor.name} creator="Vendor ERP" producer="Vendor ERP">
      <Page size="A4" style={s.page}>
        <View style={[s.row, { paddingBottom: 8, borderBottomWidth: 1.5, borderBottomColor: ACCENT }]}>
          <View style={s.grow}>
            <Text style={{ fontSize: 13, fontWeight: "bold", lineHeight: 1.25 }}>{vendor.name}</Text>
            <Text>{vendor.address}</Text>
            <Text>
              <Text style={s.bold}>GSTIN </Text>
              {vendor.gstin ?? "Unregistered"}
            </Text>
          </View>
          <View style={{ alignItems: "flex-end" }}>
            <Text style={{ fontSize: 14, fontWeight: "bold", color: ACCENT, letterSpacing: 0.5, lineHeight: 1.25 }}>STATEMENT OF ACCOUNT</Text>
            <Text style={s.bold}>{period}</Text>
          </View>
        </View>
        <View style={[s.row, { marginTop: 8 }]}>
          <View style={[s.grow, s.box, { padding: 5, marginRight: 6 }]}>
            <Text style={s.boxTitle}>Account of</Text>
            <Text style={s.bold}>{retailer.name}</Text>
            <Text>{retailer.address}</Text>
            <Text>
              <Text style={s.bold}>GSTIN </Text>
              {retailer.gstin ?? "Unregistered"}
              {retailer.customerCode ? <Text style={s.muted}>{`   Customer ${retailer.customerCode}`}</Text> : null}
            </Text>
          </View>
          <View style={[s.box, { width: 220, padding: 5 }]}>
            {(
              [
                ["Opening balance", drCr(ledger.openingBalance)],
                ["Debits (invoices, debit notes, refunds)", formatIndianNumber(ledger.totals.debit)],
                ["Credits (receipts, credit notes)", formatIndianNumber(ledger.totals.credit)],
              ] as const
            ).map(([k, v]) => (
              <View key={k} style={[s.row, { marginBottom: 1 }]}>
                <Text style={[s.grow, s.muted]}>{k}</Text>
                <Text>{v}</Text>
              </View>
            ))}
            <View style={[s.row, { marginTop: 3, paddingTop: 3, borderTopWidth: 0.75, borderTopColor: LINE }]}>
              <Text style={[s.grow, s.bold]}>Closing balance</Text>
              <Text style={[s.bold, { fontSize: 10 }]}>{closingLabel(ledger.closingBalance)}</Text>
            </View>
          </View>
        </View>
        <EntriesTable ledger={ledger} />
        <Ageing ledger={ledger} />
        <Text fixed style={s.footerLeft}>{`${vendor.name} · statement for ${retailer.name} · generated ${formatDateTime(ledger.generatedAt)}`}</Text>
        <PageNumber numbering={numbering} />
      </Page>
    </Document>
  );
}

function closingLabel(balance: string) {
  const d = new D(balance);
  return d.isZero() ? formatINR(0) : `${formatINR(d.abs())} ${d.isNegative() ? "Cr" : "Dr"}`;
}

function EntriesTable({ ledger }: { ledger: LedgerView }) {
  const amount = (v: string) => (new D(v).isZero() ? "" : formatIndianNumber(v));
  return (
    <View style={{ marginTop: 10, borderWidth: 0.75, borderColor: LINE, borderBottomWidth: 0 }}>
      <EntryRow head c={["Date", "Document", "Particulars", "Due date", "Debit", "Credit", "Balance"]} />
      <EntryRow shade c={[formatDate(ledger.from), "", "Opening balance", "", "", "", drCr(ledger.openingBalance)]} />
      {ledger.entries.map((e) => (
        <EntryRow key={`${e.kind}-${e.documentId}`} c={[formatDate(e.date), e.number, e.description, e.dueDate ? formatDate(e.dueDate) : "", amount(e.debit), amount(e.credit), drCr(e.balance)]} />
      ))}
      {ledger.entries.length === 0 ? <EntryRow c={["", "", "No invoices, notes or payments in this period.", "", "", "", ""]} /> : null}
      <EntryRow bold shade c={["", "", "Totals for the period", "", formatIndianNumber(ledger.totals.debit), formatIndianNumber(ledger.totals.credit), ""]} />
      <EntryRow bold shade c={[formatDate(ledger.to), "", "Closing balance", "", "", "", drCr(ledger.closingBalance)]} />
    </View>
  );
}

type Cells = [string, string, string, string, string, string, string];

function EntryRow({ c, head, bold, shade }: { c: Cells; head?: boolean; bold?: boolean; shade?: boolean }) {
  const cell = (w: number | null, align: "left" | "right" = "left", last = false) => ({
    ...(w === null ? { flexGrow: 1, flexBasis: 0 } : { width: w }),
    paddingVertical: 2.5,
    paddingHorizontal: 3,
    textAlign: align,
    borderRightWidth: last ? 0 : 0.75,
    borderRightColor: LINE,
  });
  return (
    <View wrap={false} fixed={head} style={{ flexDirection: "row", borderBottomWidth: 0.75, borderBottomColor: LINE, backgroundColor: head || shade ? SHADE : undefined, fontWeight: head || bold ? "bold" : "normal", fontSize: head ? 6.5 : 7 }}>
      <Text style={cell(COLS.date)}>{c[0]}</Text>
      <Text style={cell(COLS.number)}>{c[1]}</Text>
      <Text style={cell(null)}>{c[2]}</Text>
      <Text style={cell(COLS.due)}>{c[3]}</Text>
      <Text style={cell(COLS.debit, "right")}>{c[4]}</Text>
      <Text style={cell(COLS.credit, "right")}>{c[5]}</Text>
      <Text style={cell(COLS.balance, "right", true)}>{c[6]}</Text>
    </View>
  );
}

function Ageing({ ledger }: { ledger: LedgerView }) {
  const a = ledger.ageing;
  const buckets: [string, string][] = [
    ["Not due", a.notDue],
    ["0–30 days", a.d0_30],
    ["31–60 days", a.d31_60],
    ["61–90 days", a.d61_90],
    ["Over 90 days", a.d90_plus],
    ["Unapplied credit", a.unappliedCredit],
    ["Total outstanding", a.total],
  ];
  return (
    <View wrap={false} style={{ marginTop: 10 }}>
      <Text style={s.boxTitle}>{`Ageing of the balance as of ${formatDate(ledger.to)} (days past due date)`}</Text>
      <View style={[s.row, s.box]}>
        {buckets.map(([k, v], i) => (
          <View key={k} style={{ flexGrow: 1, flexBasis: 0, padding: 4, borderRightWidth: i === buckets.length - 1 ? 0 : 0.75, borderRightColor: LINE, backgroundColor: i === buckets.length - 1 ? SHADE : undefined }}>
            <Text style={{ fontSize: 6.5, color: MUTED }}>{k}</Text>
            <Text style={{ fontWeight: i === buckets.length - 1 ? "bold" : "normal", textAlign: "right" }}>{formatIndianNumber(v)}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}

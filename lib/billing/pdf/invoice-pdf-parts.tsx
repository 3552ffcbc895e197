// The blocks of an invoice or note around its line table: seller header (logo, GSTIN, QR), document
// details, bill-to / ship-to, totals with amount in words, bank details and the signature.
import { Image, Text, View } from "@react-pdf/renderer";
import type { ReactNode } from "react";
import type { InvoiceDocument } from "@/lib/billing/invoice-access";
import type { BuyerSnapshot, PartyAddress, SellerSnapshot, ShipToSnapshot } from "@/lib/billing/parties";
import { formatDate, formatDateTime, formatINR, formatIndianNumber } from "@/lib/format";
import { stateName } from "@/lib/integrations/gst/states";
import { amountInWords } from "@/lib/tax/amount-in-words";
import { ACCENT, DANGER, LINE, MUTED, SHADE, s } from "./styles";

export const TITLES = { INVOICE: "TAX INVOICE", CREDIT_NOTE: "CREDIT NOTE", DEBIT_NOTE: "DEBIT NOTE" } as const;
const NOTE_REASONS: Record<string, string> = { RETURN: "Goods returned", RATE_DIFFERENCE: "Rate difference", DISCOUNT: "Discount", DEFICIENCY: "Deficiency in goods or services", OTHER: "Other" };

export const stateLabel = (code: string) => `${stateName(code) ?? "State"} (${code})`;

export function SellerHeader({ doc, seller, logo, qr }: { doc: InvoiceDocument; seller: SellerSnapshot; logo: { data: Buffer; format: "png" | "jpg" } | null; qr: string | null }) {
  return (
    <View style={[s.row, { alignItems: "flex-start", paddingBottom: 8, borderBottomWidth: 1.5, borderBottomColor: ACCENT }]}>
      {/* eslint-disable-next-line jsx-a11y/alt-text -- react-pdf images have no alt text */}
      {logo ? <Image src={logo} style={{ width: 54, height: 54, objectFit: "contain", marginRight: 10 }} /> : null}
      <View style={s.grow}>
        <Text style={{ fontSize: 13, fontWeight: "bold", lineHeight: 1.25 }}>{seller.legalName}</Text>
        {seller.tradeName && seller.tradeName !== seller.legalName ? <Text style={s.muted}>{seller.tradeName}</Text> : null}
        <AddressLines a={seller} />
        <Text>
          <Text style={s.bold}>GSTIN </Text>
          {seller.gstin ?? "Unregistered"}
          {seller.pan ? <Text>{"   "}<Text style={s.bold}>PAN </Text>{seller.pan}</Text> : null}
        </Text>
        {seller.phone || seller.email ? <Text style={s.muted}>{[seller.phone, seller.email].filter(Boolean).join("  ·  ")}</Text> : null}
      </View>
      <View style={{ alignItems: "flex-end", marginLeft: 10 }}>
        <Text style={{ fontSize: 15, fontWeight: "bold", color: ACCENT, letterSpacing: 1, lineHeight: 1.25 }}>{TITLES[doc.type]}</Text>
        <Text style={[s.small, s.muted]}>Original for Recipient</Text>
        {doc.status === "CANCELLED" ? <Text style={{ marginTop: 3, color: DANGER, fontWeight: "bold", borderWidth: 1, borderColor: DANGER, paddingHorizontal: 4, paddingVertical: 1 }}>CANCELLED</Text> : null}
        {/* eslint-disable-next-line jsx-a11y/alt-text -- react-pdf images have no alt text */}
        {qr ? <Image src={qr} style={{ width: 84, height: 84, marginTop: 4 }} /> : null}
      </View>
    </View>
  );
}

export function IrnStrip({ doc }: { doc: InvoiceDocument }) {
  if (!doc.irn) return null;
  return (
    <View style={{ marginTop: 6, padding: 4, backgroundColor: SHADE, fontSize: 7 }}>
      <Text>
        <Text style={s.bold}>IRN </Text>
        {doc.irn}
      </Text>
      <Text>
        <Text style={s.bold}>Ack No. </Text>
        {doc.ackNo ?? "–"}
        {"    "}
        <Text style={s.bold}>Ack Date </Text>
        {doc.ackDate ? formatDateTime(doc.ackDate) : "–"}
        {doc.irnCancelledAt ? <Text style={{ color: DANGER }}>{`    IRN cancelled ${formatDateTime(doc.irnCancelledAt)}`}</Text> : null}
      </Text>
    </View>
  );
}

export function DocumentDetails({ doc }: { doc: InvoiceDocument }) {
  const isInvoice = doc.type === "INVOICE";
  const noun = isInvoice ? "Invoice" : "Note";
  const left: [string, string][] = [
    [`${noun} No.`, doc.number],
    [`${noun} date`, formatDate(doc.issueDate)],
  ];
  if (doc.type !== "CREDIT_NOTE") left.push(["Due date", formatDate(doc.dueDate)]);
  if (doc.order) left.push(["Order No.", doc.order.number]);
  if (doc.buyerReference) left.push(["Buyer's reference", doc.buyerReference]);
  const right: [string, string][] = [
    ["Place of supply", stateLabel(doc.placeOfSupply)],
    ["Reverse charge", doc.reverseCharge ? "Yes" : "No"],
  ];
  if (doc.supplyType !== "regular") right.push(["Supply type", doc.supplyType.replace(/_/g, " ").toUpperCase()]);
  if (doc.originalInvoice) right.push(["Against invoice", `${doc.originalInvoice.number} dated ${formatDate(doc.originalInvoice.issueDate)}`]);
  if (doc.noteReason && !isInvoice) right.push(["Reason", NOTE_REASONS[doc.noteReason] ?? doc.noteReason]);
  if (doc.ewayBillNo) right.push(["E-way bill", `${doc.ewayBillNo}${doc.ewayBillDate ? ` dated ${formatDate(doc.ewayBillDate)}` : ""}`]);
  return (
    <View style={[s.row, s.box, { marginTop: 8 }]}>
      <KeyValues rows={left} />
      <View style={{ width: 0.75, backgroundColor: LINE }} />
      <KeyValues rows={right} />
    </View>
  );
}

function KeyValues({ rows }: { rows: [string, string][] }) {
  return (
    <View style={[s.grow, { padding: 5 }]}>
      {rows.map(([k, v]) => (
        <View key={k} style={[s.row, { marginBottom: 1 }]}>
          <Text style={{ width: 78, color: MUTED }}>{k}</Text>
          <Text style={[s.grow, s.bold]}>{v}</Text>
        </View>
      ))}
    </View>
  );
}

export function Parties({ buyer, shipTo }: { buyer: BuyerSnapshot; shipTo: ShipToSnapshot | null }) {
  return (
    <View style={[s.row, { marginTop: 8 }]}>
      <View style={[s.grow, s.box, { padding: 5, marginRight: 6 }]}>
        <Text style={s.boxTitle}>Bill to</Text>
        <Text style={s.bold}>{buyer.legalName}</Text>
        {buyer.tradeName && buyer.tradeName !== buyer.legalName ? <Text style={s.muted}>{buyer.tradeName}</Text> : null}
        <AddressLines a={buyer} />
        <Text>
          <Text style={s.bold}>GSTIN </Text>
          {buyer.gstin ?? "Unregistered"}
        </Text>
        {buyer.customerCode || buyer.phone ? <Text style={s.muted}>{[buyer.customerCode && `Customer ${buyer.customerCode}`, buyer.phone].filter(Boolean).join("  ·  ")}</Text> : null}
      </View>
      <View style={[s.grow, s.box, { padding: 5 }]}>
        <Text style={s.boxTitle}>Ship to</Text>
        {shipTo ? (
          <>
            <Text style={s.bold}>{shipTo.name}</Text>
            <AddressLines a={shipTo} />
          </>
        ) : (
          <>
            <Text style={s.bold}>{buyer.legalName}</Text>
            <AddressLines a={buyer} />
          </>
        )}
      </View>
    </View>
  );
}

function AddressLines({ a }: { a: PartyAddress }) {
  return (
    <>
      <Text>{[a.address1, a.address2].filter(Boolean).join(", ")}</Text>
      <Text>{`${a.city} – ${a.pincode}, ${stateLabel(a.stateCode)}`}</Text>
    </>
  );
}

export function Totals({ doc }: { doc: InvoiceDocument }) {
  const rows: [string, string][] = [["Taxable value", formatIndianNumber(doc.taxableTotal)]];
  if (doc.taxType === "intra") {
    rows.push(["CGST", formatIndianNumber(doc.cgstTotal)], ["SGST", formatIndianNumber(doc.sgstTotal)]);
  } else rows.push(["IGST", formatIndianNumber(doc.igstTotal)]);
  if (!doc.cessTotal.isZero()) rows.push(["Cess", formatIndianNumber(doc.cessTotal)]);
  if (!doc.roundOff.isZero()) rows.push(["Round off", `${doc.roundOff.isPositive() ? "+" : ""}${formatIndianNumber(doc.roundOff)}`]);
  return (
    <View wrap={false} style={[s.row, { marginTop: 8 }]}>
      <View style={[s.grow, s.box, { padding: 5, marginRight: 6 }]}>
        <Text style={s.boxTitle}>Amount in words</Text>
        <Text style={s.bold}>{amountInWords(doc.grandTotal)}</Text>
        {doc.notes ? (
          <>
            <Text style={[s.boxTitle, { marginTop: 6 }]}>Notes</Text>
            <Text>{doc.notes}</Text>
          </>
        ) : null}
      </View>
      <View style={[s.box, { width: 200 }]}>
        {rows.map(([k, v]) => (
          <View key={k} style={[s.row, { paddingHorizontal: 5, paddingVertical: 2 }]}>
            <Text style={[s.grow, s.muted]}>{k}</Text>
            <Text style={s.right}>{v}</Text>
          </View>
        ))}
        <View style={[s.row, { paddingHorizontal: 5, paddingVertical: 4, backgroundColor: SHADE, borderTopWidth: 0.75, borderTopColor: LINE }]}>
          <Text style={[s.grow, s.bold]}>{doc.type === "CREDIT_NOTE" ? "Total credit" : "Grand total"}</Text>
          <Text style={[s.bold, { fontSize: 10 }]}>{formatINR(doc.grandTotal)}</Text>
        </View>
      </View>
    </View>
  );
}

export function BankAndSignature({ seller, terms, signatoryName }: { seller: SellerSnapshot; terms: string | null; signatoryName: string | null }) {
  const bank = seller.bank;
  const bankRows: [string, string | null][] = bank
    ? [
        ["Bank", bank.bankName],
        ["Account name", bank.accountName],
        ["Account No.", bank.accountNumber],
        ["IFSC", bank.ifsc],
        ["Branch", bank.branch],
        ["UPI", bank.upiId],
      ]
    : [];
  return (
    <View wrap={false} style={[s.row, { marginTop: 8 }]}>
      <View style={[s.grow, { marginRight: 6 }]}>
        {bankRows.some(([, v]) => v) ? (
          <Block title="Bank details">
            {bankRows
              .filter(([, v]) => v)
              .map(([k, v]) => (
                <View key={k} style={s.row}>
                  <Text style={{ width: 70, color: MUTED }}>{k}</Text>
                  <Text style={s.bold}>{v}</Text>
                </View>
              ))}
          </Block>
        ) : null}
        {terms ? (
          <Block title="Terms and conditions">
            <Text style={s.small}>{terms}</Text>
          </Block>
        ) : null}
      </View>
      <View style={[s.box, { width: 200, padding: 5, alignItems: "flex-end", justifyContent: "space-between", minHeight: 78 }]}>
        <Text style={s.bold}>{`For ${seller.legalName}`}</Text>
        <View style={{ alignItems: "flex-end" }}>
          {signatoryName ? <Text>{signatoryName}</Text> : null}
          <Text style={[s.small, s.muted]}>Authorised Signatory</Text>
        </View>
      </View>
    </View>
  );
}

function Block({ title, children }: { title: string; children: ReactNode }) {
  return (
    <View style={[s.box, { padding: 5, marginBottom: 6 }]}>
      <Text style={s.boxTitle}>{title}</Text>
      {children}
    </View>
  );
}

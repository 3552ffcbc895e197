import "server-only";
// The PDF of a tax invoice, credit note or debit note (A4), as a GST officer and a retailer read it:
// seller and buyer with GSTINs, place of supply, HSN-wise lines with CGST/SGST or IGST, totals with
// round-off and amount in words, HSN summary, bank details, signature, and — once e-invoiced — the
// IRN, acknowledgement and signed QR. Everything printed comes from the document's frozen JSON and
// columns, never from today's company or retailer rows.
import { Document, Page, Text } from "@react-pdf/renderer";
import type { InvoiceDocument } from "@/lib/billing/invoice-access";
import type { BuyerSnapshot, SellerSnapshot, ShipToSnapshot } from "@/lib/billing/parties";
import { BankAndSignature, DocumentDetails, IrnStrip, Parties, SellerHeader, TITLES, Totals } from "./invoice-pdf-parts";
import { HsnSummary, LineTable } from "./invoice-pdf-lines";
import { qrPngDataUrl } from "./qr";
import { PageNumber, renderDocument, type PageNumbering } from "./render-document";
import { s } from "./styles";

export type InvoicePdfExtras = {
  /** Company.logo bytes; PNG and JPEG are printed (react-pdf cannot draw WebP). */
  logo?: Buffer | null;
  settings: { invoiceTerms: string | null; signatoryName: string | null };
  /** The PDF's creation date (and the file ID made from it): when it was asked for, which may be on another thread than the one drawing it. */
  renderedAt?: Date;
};

export async function renderInvoicePdf(doc: InvoiceDocument, extras: InvoicePdfExtras): Promise<Buffer> {
  const qr = await qrPngDataUrl(doc.irn ? doc.signedQrCode : null);
  return renderDocument((numbering) => <InvoicePdf doc={doc} extras={extras} qr={qr} numbering={numbering} />);
}

function InvoicePdf({ doc, extras, qr, numbering }: { doc: InvoiceDocument; extras: InvoicePdfExtras; qr: string | null; numbering: PageNumbering }) {
  const seller = doc.seller as unknown as SellerSnapshot;
  const buyer = doc.buyer as unknown as BuyerSnapshot;
  const shipTo = (doc.shipTo ?? null) as unknown as ShipToSnapshot | null;
  const title = `${TITLES[doc.type]} ${doc.number}`;
  return (
    <Document creationDate={extras.renderedAt} title={title} author={seller.legalName} subject={`${title} — ${buyer.legalName}`} creator="Vendor ERP" producer="Vendor ERP">
      <Page size="A4" style={s.page}>
        {doc.status === "CANCELLED" ? (
          <Text fixed style={s.watermark}>
            CANCELLED
          </Text>
        ) : null}
        <SellerHeader doc={doc} seller={seller} logo={logoImage(extras.logo)} qr={qr} />
        <IrnStrip doc={doc} />
        {doc.status === "CANCELLED" ? (
          <Text style={{ marginTop: 6, color: "#b91c1c", fontWeight: "bold" }}>
            {`This ${doc.type === "INVOICE" ? "invoice" : "note"} was cancelled${doc.cancelReason ? `: ${doc.cancelReason}` : "."}`}
          </Text>
        ) : null}
        <DocumentDetails doc={doc} />
        <Parties buyer={buyer} shipTo={shipTo} />
        <LineTable doc={doc} />
        <Totals doc={doc} />
        <HsnSummary doc={doc} />
        <BankAndSignature seller={seller} terms={extras.settings.invoiceTerms} signatoryName={extras.settings.signatoryName} />
        <Text fixed style={s.footerLeft}>{`${doc.number} · ${seller.legalName} · This is a computer-generated document.`}</Text>
        <PageNumber numbering={numbering} />
      </Page>
    </Document>
  );
}

/** The logo as react-pdf takes it, by its magic bytes; anything else is left off rather than failing the PDF. */
function logoImage(bytes: Buffer | null | undefined): { data: Buffer; format: "png" | "jpg" } | null {
  if (!bytes || bytes.length < 4) return null;
  if (bytes[0] === 0x89 && bytes.subarray(1, 4).toString("ascii") === "PNG") return { data: bytes, format: "png" };
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return { data: bytes, format: "jpg" };
  return null;
}

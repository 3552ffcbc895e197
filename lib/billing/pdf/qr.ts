// The e-invoice QR: the IRP's signed QR payload (a JWT) drawn as a PNG for the PDF's top right.
// Error correction "M" and a quiet zone of 1 module keep it scannable at ~30 mm on paper.
import QRCode from "qrcode";

/** A PNG data URL of the signed QR payload, or null when the document has none. */
export async function qrPngDataUrl(payload: string | null | undefined): Promise<string | null> {
  if (!payload) return null;
  return QRCode.toDataURL(payload, { errorCorrectionLevel: "M", margin: 1, scale: 4 });
}

// Shared look of the billing PDFs (A4, DejaVu Sans): a quiet grey grid, ink-dark text, one accent.
import { StyleSheet } from "@react-pdf/renderer";
import { PDF_FONT } from "./fonts";

export const INK = "#0f172a";
export const MUTED = "#64748b";
export const LINE = "#cbd5e1";
export const SHADE = "#f1f5f9";
export const ACCENT = "#1e3a8a";
export const DANGER = "#b91c1c";

export const s = StyleSheet.create({
  page: { fontFamily: PDF_FONT, fontSize: 8, color: INK, paddingTop: 28, paddingBottom: 40, paddingHorizontal: 28 },
  row: { flexDirection: "row" },
  grow: { flexGrow: 1, flexBasis: 0 },
  bold: { fontWeight: "bold" },
  muted: { color: MUTED },
  small: { fontSize: 7 },
  right: { textAlign: "right" },
  center: { textAlign: "center" },
  box: { borderWidth: 0.75, borderColor: LINE },
  boxTitle: { fontSize: 6.5, fontWeight: "bold", color: MUTED, textTransform: "uppercase", letterSpacing: 0.5, marginBottom: 2 },
  cellPad: { paddingVertical: 3, paddingHorizontal: 3 },
  footerLeft: { position: "absolute", bottom: 18, left: 28, fontSize: 6.5, color: MUTED },
  // <PageNumber>'s box: as wide as "Page 99 of 99", as tall as one line of 6.5 pt DejaVu Sans, so its
  // text sits on footerLeft's baseline.
  pageNumber: { position: "absolute", bottom: 18, right: 28, width: 80, height: 7.57, fontSize: 6.5 },
  watermark: {
    position: "absolute",
    top: 380,
    left: 0,
    right: 0,
    textAlign: "center",
    fontSize: 72,
    fontWeight: "bold",
    color: DANGER,
    opacity: 0.16,
    transform: "rotate(-30deg)",
  },
});

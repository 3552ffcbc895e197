// Printing a report drops the dashboard frame (sidebar, top bar, tabs, filters, buttons): the page
// is the report on A4, its tables at full width without scrollbars, rows kept whole, links plain.
// Elements marked print:hidden (Tailwind) also go; `print:block` headers appear only on paper.
const css = (orientation: "portrait" | "landscape") => `
@media print {
  @page { size: A4 ${orientation}; margin: 10mm; }
  html, body { background: #fff !important; }
  body aside, body header.sticky, body nav[aria-label="Reports"], body [role="note"] { display: none !important; }
  body .min-h-dvh { padding-left: 0 !important; }
  body main { max-width: none !important; padding: 0 !important; margin: 0 !important; }
  .report-sheet { font-size: 10px; }
  .report-sheet .overflow-x-auto, .report-sheet .overflow-auto { overflow: visible !important; }
  .report-sheet table { min-width: 0 !important; width: 100% !important; }
  .report-sheet th, .report-sheet td { padding: 3px 5px !important; height: auto !important; }
  .report-sheet tr { break-inside: avoid; }
  .report-sheet thead { display: table-header-group; }
  .report-sheet a { color: inherit !important; text-decoration: none !important; }
  .report-sheet .shadow-card { box-shadow: none !important; }
  .report-sheet .sticky { position: static !important; }
}`;

export function ReportPrintStyles({ orientation = "portrait" }: { orientation?: "portrait" | "landscape" }) {
  return <style>{css(orientation)}</style>;
}

"use client";
import { Button } from "@/components/ui/button";

/** The browser's print dialog (A4, see ReportPrintStyles); hidden on the printed page itself. */
export function PrintButton({ label = "Print" }: { label?: string }) {
  return (
    <Button variant="secondary" className="print:hidden" onClick={() => window.print()}>
      {label}
    </Button>
  );
}

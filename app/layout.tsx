import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { DemoBanner } from "@/components/shell/demo-banner";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Vendor ERP", template: "%s · Vendor ERP" },
  description: "Vendor ERP — run your distribution business: orders, stock, GST invoices and your retailers in one place.",
  icons: {
    icon: [
      { url: "/favicon.ico", sizes: "16x16 32x32 48x48" },
      { url: "/icon.svg", type: "image/svg+xml" },
    ],
    apple: "/apple-touch-icon.png",
  },
  manifest: "/manifest.webmanifest",
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: "#f8fafc",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request: the Content-Security-Policy nonce (proxy.ts) is new each time and
  // Next.js can only put it on the scripts of a page it renders now, never on a prerendered one.
  await connection();
  return (
    <html lang="en-IN">
      <body className="min-h-dvh">
        <DemoBanner />
        {children}
      </body>
    </html>
  );
}

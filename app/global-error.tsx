"use client";
// Replaces the root layout when it fails, so it brings its own <html> and minimal styling.
import "./globals.css";

export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en-IN">
      <body className="min-h-dvh bg-slate-50 font-sans text-slate-900">
        <main className="flex min-h-dvh flex-col items-center justify-center px-6 text-center">
          <h1 className="text-xl font-semibold">Vendor ERP is having trouble</h1>
          <p className="mt-2 max-w-md text-sm text-slate-500">
            An unexpected error stopped the page from loading.
            {error.digest ? ` Reference: ${error.digest}.` : ""}
          </p>
          <button
            type="button"
            onClick={reset}
            className="mt-6 h-9 rounded-lg bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700"
          >
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}

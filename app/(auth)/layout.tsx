import type { ReactNode } from "react";
import { BrandMark } from "@/components/shell/brand";

// Split screen: the product story on the left (wide screens only), the form on the right.
export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <div className="grid min-h-dvh lg:grid-cols-[minmax(0,5fr)_minmax(0,6fr)]">
      <aside className="relative hidden overflow-hidden bg-brand-950 text-white lg:flex lg:flex-col lg:justify-between lg:p-12">
        <div
          aria-hidden
          className="pointer-events-none absolute inset-0 opacity-60"
          style={{
            backgroundImage:
              "radial-gradient(circle at 15% 20%, oklch(50.5% 0.2 276 / 0.55), transparent 45%), radial-gradient(circle at 85% 85%, oklch(59.6% 0.145 163 / 0.35), transparent 40%)",
          }}
        />
        <div
          aria-hidden
          className="pointer-events-none absolute inset-0 opacity-[0.07]"
          style={{
            backgroundImage:
              "linear-gradient(white 1px, transparent 1px), linear-gradient(90deg, white 1px, transparent 1px)",
            backgroundSize: "32px 32px",
          }}
        />
        <BrandMark inverted className="relative" />
        <div className="relative max-w-md">
          <p className="text-3xl leading-tight font-semibold tracking-tight">Run your distribution business from one place.</p>
          <p className="mt-4 text-base text-brand-100/80">
            Orders from your retailers, stock across godowns, GST invoices and e-way bills, payments and
            dispatch — for manufacturers, wholesalers and distributors across India.
          </p>
          <ul className="mt-8 space-y-3 text-sm text-brand-50/90">
            {[
              "GST-ready: GSTIN checks, place of supply, HSN",
              "A portal where your retailers order and pay",
              "Roles for owners, sales, warehouse, accounts and drivers",
            ].map((t) => (
              <li key={t} className="flex items-start gap-2.5">
                <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className="mt-0.5 size-4 shrink-0 text-success-500">
                  <path fillRule="evenodd" clipRule="evenodd" d="M16.7 5.3a1 1 0 0 1 0 1.4l-8 8a1 1 0 0 1-1.4 0l-4-4a1 1 0 1 1 1.4-1.4L8 12.6l7.3-7.3a1 1 0 0 1 1.4 0Z" />
                </svg>
                {t}
              </li>
            ))}
          </ul>
        </div>
        <p className="relative text-xs text-brand-200/70">Open-source ERP for Indian B2B vendors</p>
      </aside>
      <main className="flex flex-col items-center px-5 py-10 sm:justify-center sm:px-8">
        <div className="w-full max-w-sm">
          <div className="mb-8 lg:hidden">
            <BrandMark />
            <p className="mt-2 text-sm text-slate-500">Run your distribution business</p>
          </div>
          {children}
        </div>
      </main>
    </div>
  );
}

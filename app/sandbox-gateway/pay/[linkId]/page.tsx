import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getSandboxLink } from "@/lib/billing/gateway/sandbox-checkout";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { formatINR } from "@/lib/format";
import { SandboxPayForm } from "./sandbox-pay-form";

export const metadata: Metadata = { title: "Local payment sandbox" };
export const dynamic = "force-dynamic";

export default async function SandboxPayPage({ params }: { params: Promise<{ linkId: string }> }) {
  const { linkId } = await params;
  const link = await getSandboxLink(prisma, linkId).catch((err) => {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  });
  return (
    <main className="mx-auto max-w-lg px-4 py-8">
      <div role="note" className="mb-6 rounded-xl border-2 border-dashed border-warning-500 bg-warning-50 p-4 text-sm text-warning-900">
        <p className="font-semibold">Local payment sandbox — no real money moves</p>
        <p className="mt-1">This page stands in for a payment gateway in demos and tests. It sends the shop the same signed webhooks Razorpay would.</p>
      </div>
      <div className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <p className="text-sm text-slate-500">{link.description}</p>
        <h1 className="mt-1 text-2xl font-semibold tabular-nums text-slate-900">{formatINR(link.due)}</h1>
        <p className="text-xs text-slate-500">
          Reference {link.referenceId} · total {formatINR(link.amount)}
          {link.amountPaid !== "0.00" ? ` · paid so far ${formatINR(link.amountPaid)}` : ""}
        </p>
        <SandboxPayForm link={link} />
      </div>
    </main>
  );
}

import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { ResetForm } from "./reset-form";

export const metadata: Metadata = { title: "Set a new password" };

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ email?: string }> }) {
  const sp = await searchParams;
  return (
    <>
      <Link href="/login" className="text-sm font-medium text-slate-500 hover:text-slate-800">
        ← Back to sign in
      </Link>
      <h1 className="mt-4 text-2xl font-semibold tracking-tight text-slate-900">Set a new password</h1>
      <p className="mt-1.5 text-slate-500">Enter the 6-digit code we emailed you and choose a new password.</p>
      <div className="mt-8">
        <ResetForm defaultEmail={typeof sp.email === "string" ? sp.email : ""} />
      </div>
    </>
  );
}

import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { ForgotForm } from "./forgot-form";

export const metadata: Metadata = { title: "Forgot password" };

export default async function ForgotPasswordPage({ searchParams }: { searchParams: Promise<{ email?: string }> }) {
  const sp = await searchParams;
  return (
    <>
      <Link href="/login" className="text-sm font-medium text-slate-500 hover:text-slate-800">
        ← Back to sign in
      </Link>
      <h1 className="mt-4 text-2xl font-semibold tracking-tight text-slate-900">Forgot your password?</h1>
      <p className="mt-1.5 text-slate-500">Enter the email you sign in with. We will send you a 6-digit code to set a new password.</p>
      <div className="mt-8">
        <ForgotForm defaultEmail={typeof sp.email === "string" ? sp.email : ""} />
      </div>
    </>
  );
}

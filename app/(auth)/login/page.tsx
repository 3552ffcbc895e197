import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { actorFromSession } from "@/lib/auth/session";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ reset?: string; email?: string }> }) {
  const actor = await actorFromSession();
  if (actor) redirect(actor.kind === "retailer" ? "/portal" : "/dashboard");
  const sp = await searchParams;
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Sign in</h1>
      <p className="mt-1.5 text-slate-500">Welcome back. Sign in to your vendor dashboard or retailer portal.</p>
      <div className="mt-8">
        <LoginForm passwordChanged={sp.reset === "1"} defaultEmail={typeof sp.email === "string" ? sp.email : ""} />
      </div>
    </>
  );
}

"use client";
// Route-level error boundary: a friendly message and a retry, never a stack trace.
import { IntentLink as Link } from "@/components/ui/intent-link";
import { useEffect } from "react";
import { Button, buttonClasses } from "@/components/ui/button";

export default function RouteError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <main className="flex min-h-[60dvh] flex-col items-center justify-center px-6 py-16 text-center">
      <div aria-hidden className="mb-4 flex size-12 items-center justify-center rounded-full bg-danger-50 text-danger-600">
        <svg viewBox="0 0 20 20" fill="currentColor" className="size-6">
          <path fillRule="evenodd" clipRule="evenodd" d="M8.485 2.495c.673-1.167 2.357-1.167 3.03 0l6.28 10.875c.673 1.167-.17 2.625-1.516 2.625H3.72c-1.347 0-2.189-1.458-1.515-2.625L8.485 2.495ZM10 5a.75.75 0 0 1 .75.75v3.5a.75.75 0 0 1-1.5 0v-3.5A.75.75 0 0 1 10 5Zm0 9a1 1 0 1 0 0-2 1 1 0 0 0 0 2Z" />
        </svg>
      </div>
      <h1 className="text-xl font-semibold text-slate-900">Something went wrong</h1>
      <p className="mt-2 max-w-md text-slate-500">
        We could not load this page. Try again; if it keeps happening, tell your administrator
        {error.digest ? <> and mention reference <code className="font-mono text-xs">{error.digest}</code></> : null}.
      </p>
      <div className="mt-6 flex gap-2">
        <Button onClick={reset}>Try again</Button>
        <Link href="/" className={buttonClasses({ variant: "secondary" })}>
          Home
        </Link>
      </div>
    </main>
  );
}

"use client";
// Uploads the company logo straight to PUT /api/v1/company/logo (the same door the API offers).
import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";

export function LogoUploader({ logoUrl, canEdit }: { logoUrl: string | null; canEdit: boolean }) {
  const router = useRouter();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function send(method: "PUT" | "DELETE", file?: File) {
    setBusy(true);
    setError(null);
    try {
      const res = await fetch("/api/v1/company/logo", { method, headers: file ? { "content-type": file.type } : undefined, body: file });
      if (!res.ok) {
        const problem = await res.json().catch(() => null);
        setError(problem?.errors?.logo?.[0] ?? problem?.detail ?? "Could not save the logo");
        return;
      }
      router.refresh();
    } finally {
      setBusy(false);
      if (input.current) input.current.value = "";
    }
  }

  return (
    <div className="flex flex-wrap items-center gap-4">
      <div className="flex size-16 items-center justify-center overflow-hidden rounded-lg border border-slate-200 bg-slate-50">
        {logoUrl ? (
          // eslint-disable-next-line @next/next/no-img-element -- served by our API with the session cookie
          <img src={logoUrl} alt="Company logo" className="size-full object-contain" />
        ) : (
          <span className="text-xs text-slate-400">No logo</span>
        )}
      </div>
      {canEdit && (
        <div className="space-y-1">
          <div className="flex gap-2">
            <label htmlFor={id} className="sr-only">Logo</label>
            <input
              id={id}
              ref={input}
              type="file"
              accept="image/png,image/jpeg,image/webp"
              className="block text-sm text-slate-600 file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium hover:file:bg-slate-50"
              disabled={busy}
              aria-describedby={`${id}-hint`}
              aria-invalid={error ? true : undefined}
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void send("PUT", file);
              }}
            />
            {logoUrl && (
              <Button type="button" variant="ghost" size="sm" disabled={busy} onClick={() => void send("DELETE")}>
                Remove
              </Button>
            )}
          </div>
          <p id={`${id}-hint`} className="text-xs text-slate-500">PNG, JPEG or WebP, up to 512 KB. Printed on your invoices.</p>
          {error && <p className="text-xs text-danger-600" role="alert">{error}</p>}
        </div>
      )}
    </div>
  );
}

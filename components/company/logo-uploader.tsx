"use client";
// Uploads the company logo straight to PUT /api/v1/company/logo (the same door the API offers).
// A WebP file is redrawn as PNG in the browser first: invoice PDFs can print PNG and JPEG only.
import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { apiFetch } from "@/lib/http/api-fetch";

/** The largest side of a converted logo, in pixels (an invoice prints it about 2 cm tall). */
const CONVERTED_MAX_SIDE = 600;

/** PNG and JPEG go as they are; anything else the browser can decode (WebP) is redrawn as a PNG. */
async function printableLogo(file: File): Promise<File> {
  if (file.type === "image/png" || file.type === "image/jpeg") return file;
  const bitmap = await createImageBitmap(file);
  const scale = Math.min(1, CONVERTED_MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement("canvas");
  canvas.width = Math.max(1, Math.round(bitmap.width * scale));
  canvas.height = Math.max(1, Math.round(bitmap.height * scale));
  canvas.getContext("2d")!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  const png = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
  if (!png) throw new Error("convert");
  return new File([png], file.name.replace(/\.[^.]+$/, "") + ".png", { type: "image/png" });
}

export function LogoUploader({ logoUrl, canEdit }: { logoUrl: string | null; canEdit: boolean }) {
  const router = useRouter();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function send(method: "PUT" | "DELETE", picked?: File) {
    setBusy(true);
    setError(null);
    try {
      let file = picked;
      if (file) {
        try {
          file = await printableLogo(file);
        } catch {
          setError("This image could not be read. Use a PNG, JPEG or WebP file.");
          return;
        }
      }
      const res = await apiFetch("/api/v1/company/logo", { method, headers: file ? { "content-type": file.type } : undefined, body: file });
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
          <span className="text-xs text-slate-500">No logo</span>
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
          <p id={`${id}-hint`} className="text-xs text-slate-500">PNG, JPEG or WebP (saved as PNG), up to 512 KB. Printed on your invoices.</p>
          {error && <p className="text-xs text-danger-600" role="alert">{error}</p>}
        </div>
      )}
    </div>
  );
}

"use client";
// Uploads product images straight to POST /api/v1/products/{id}/images (the same door the API offers).
import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import { XIcon } from "@/components/shell/icons";
import type { ProductImageView } from "@/lib/catalog/product-image-view";
import { cn } from "@/lib/cn";
import { apiFetch } from "@/lib/http/api-fetch";

export function ImagesManager({ productId, productName, images, canEdit, max }: { productId: string; productName: string; images: ProductImageView[]; canEdit: boolean; max: number }) {
  const router = useRouter();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function send(req: Promise<Response>, fallback: string) {
    setBusy(true);
    setError(null);
    try {
      const res = await req;
      if (!res.ok) {
        const problem = await res.json().catch(() => null);
        setError(problem?.errors?.image?.[0] ?? problem?.detail ?? fallback);
        return;
      }
      router.refresh();
    } catch {
      setError(fallback);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = "";
    }
  }

  const upload = (file: File) => send(apiFetch(`/api/v1/products/${productId}/images`, { method: "POST", headers: { "content-type": file.type || "application/octet-stream" }, body: file }), "Could not upload the image");
  const remove = (imageId: string) => send(apiFetch(`/api/v1/products/${productId}/images/${imageId}`, { method: "DELETE" }), "Could not remove the image");

  return (
    <div className="space-y-4">
      {images.length === 0 ? (
        <p className="text-sm text-slate-500">No images yet.{canEdit ? " Retailers see the first image in their catalog." : ""}</p>
      ) : (
        <ul className="grid grid-cols-3 gap-3">
          {images.map((img, i) => (
            <li key={img.id} className="group relative aspect-square overflow-hidden rounded-lg border border-slate-200 bg-slate-50">
              {/* eslint-disable-next-line @next/next/no-img-element -- served by our API with the session cookie */}
              <img src={img.url} alt={`${productName}, image ${i + 1}`} className="size-full object-contain" />
              {i === 0 && <span className="absolute bottom-1 left-1 rounded bg-slate-900/70 px-1.5 py-0.5 text-[11px] font-medium text-white">Main</span>}
              {canEdit && (
                <button
                  type="button"
                  disabled={busy}
                  onClick={() => void remove(img.id)}
                  aria-label={`Remove image ${i + 1}`}
                  className="absolute top-1 right-1 flex size-7 items-center justify-center rounded-full bg-white/90 text-slate-600 shadow-sm ring-1 ring-slate-200 hover:text-danger-700 focus-visible:opacity-100 sm:opacity-0 sm:group-hover:opacity-100"
                >
                  <XIcon className="size-4" />
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <div className="space-y-1">
          <label htmlFor={id} className="sr-only">
            Add an image
          </label>
          <input
            id={id}
            ref={input}
            type="file"
            accept="image/png,image/jpeg,image/webp"
            disabled={busy || images.length >= max}
            aria-describedby={`${id}-hint`}
            aria-invalid={error ? true : undefined}
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void upload(file);
            }}
            className={cn(
              "block w-full text-sm text-slate-600 file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium hover:file:bg-slate-50",
              busy && "opacity-60",
            )}
          />
          <p id={`${id}-hint`} className="text-xs text-slate-500">
            {images.length >= max ? `That is the most (${max}); remove one to add another.` : `PNG, JPEG or WebP, up to 1 MB each; up to ${max} images.`}
          </p>
          {error && (
            <p className="text-xs text-danger-700" role="alert">
              {error}
            </p>
          )}
        </div>
      )}
    </div>
  );
}

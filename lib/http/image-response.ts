// An image from the database as an HTTP response: its own type only if it is one we store (else
// octet-stream), never sniffed, shown inline under a plain file name, and in a sandbox without any
// source, so even bytes stored before uploads were re-encoded cannot run as a page of this origin.
import { imageTypeOf } from "@/lib/images/image-types";
import { fileContentSecurityPolicy } from "@/lib/http/security-headers";

const extensions: Record<string, string> = { "image/png": "png", "image/jpeg": "jpg", "image/webp": "webp" };

export function imageResponse(bytes: Uint8Array, storedType: string | null | undefined, opts: { name: string; cacheControl: string; headers?: Record<string, string> }): Response {
  const type = imageTypeOf(storedType);
  const base = opts.name.replace(/[^A-Za-z0-9_-]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60) || "image";
  const filename = type ? `${base}.${extensions[type]}` : base;
  return new Response(new Uint8Array(bytes), {
    headers: {
      ...opts.headers,
      "content-type": type ?? "application/octet-stream",
      "content-length": String(bytes.byteLength),
      "content-disposition": `inline; filename="${filename}"`,
      "x-content-type-options": "nosniff",
      "content-security-policy": fileContentSecurityPolicy(),
      "cache-control": opts.cacheControl,
    },
  });
}

// A generated file as an HTTP attachment.
import type { ExportFile } from "@/lib/catalog/export/write-sheet";

export function download(file: ExportFile) {
  return new Response(new Uint8Array(file.body), {
    headers: { "content-type": file.contentType, "content-disposition": `attachment; filename="${file.filename}"`, "cache-control": "private, no-store" },
  });
}

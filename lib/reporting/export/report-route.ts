// The door of a report route: JSON by default (or ?format=json), the same report as a streamed
// CSV or XLSX file with ?format=csv|xlsx. Both take the query string as the report's input.
import type { Ctx } from "@/lib/ctx";
import { apiRoute } from "@/lib/http/route";
import { fileResponse, type StreamedFile } from "./stream-table";

export function reportRoute(read: (ctx: Ctx, input: Record<string, string>) => Promise<unknown>, file?: (ctx: Ctx, input: Record<string, string>) => Promise<StreamedFile>) {
  return apiRoute(async ({ ctx, url }) => {
    const query: Record<string, string> = Object.fromEntries(url.searchParams);
    if (!file || query.format === undefined || query.format === "json") {
      if (file) delete query.format;
      return read(ctx, query);
    }
    return fileResponse(await file(ctx, query));
  });
}

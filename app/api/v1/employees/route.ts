// GET /api/v1/employees — list the company's employees; POST — add (invite) one
import { apiRoute, created } from "@/lib/http/route";
import { page, parsePageParams } from "@/lib/http/pagination";
import { addEmployee } from "@/lib/people/add-employee";
import { listEmployees } from "@/lib/people/list-employees";

export const GET = apiRoute(async ({ ctx, url }) => {
  const p = parsePageParams(url);
  const s = url.searchParams;
  // The cursor carries an offset; employee lists are small enough that this stays cheap.
  const result = await listEmployees(ctx, {
    q: s.get("q") ?? undefined,
    role: s.get("role") ?? undefined,
    status: s.get("status") ?? undefined,
    sort: s.get("sort") ?? undefined,
    dir: s.get("dir") ?? undefined,
    offset: p.offset,
    pageSize: p.limit,
  });
  return page(result.items, p, result.total);
});

export const POST = apiRoute(async ({ ctx, body }) => created(await addEmployee(ctx, body)));

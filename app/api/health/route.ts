// GET /api/health — liveness: this process answers HTTP (no database is asked; see /api/ready)
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
}

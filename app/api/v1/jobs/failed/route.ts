// GET /api/v1/jobs/failed — background jobs of the company that failed every retry (dead letter)
import { apiRoute } from "@/lib/http/route";
import { listFailedJobs } from "@/lib/jobs/dead-letter";

export const GET = apiRoute(async ({ ctx }) => ({ data: await listFailedJobs(ctx) }));

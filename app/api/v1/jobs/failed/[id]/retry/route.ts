// POST /api/v1/jobs/failed/{id}/retry — send a failed job back to its queue for a fresh set of retries
import { apiRoute } from "@/lib/http/route";
import { retryFailedJob } from "@/lib/jobs/dead-letter";

export const POST = apiRoute(async ({ ctx, params }) => retryFailedJob(ctx, params.id));

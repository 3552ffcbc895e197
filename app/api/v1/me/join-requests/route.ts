// GET /api/v1/me/join-requests — the retailer's own join requests and their outcome
import { apiRoute } from "@/lib/http/route";
import { listMyJoinRequests } from "@/lib/network/join-requests";

export const GET = apiRoute(async ({ ctx }) => ({ data: await listMyJoinRequests(ctx) }));

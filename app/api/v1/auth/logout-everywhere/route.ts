// POST /api/v1/auth/logout-everywhere — end every session and token of the acting user
import { signOutEverywhere } from "@/lib/auth/my-sessions";
import { apiRoute } from "@/lib/http/route";

export const POST = apiRoute(({ ctx }) => signOutEverywhere(ctx));

// GET /api/v1/me/sessions — where I am signed in (browsers and API sign-ins)
import { listMySessions } from "@/lib/auth/my-sessions";
import { apiRoute } from "@/lib/http/route";

export const GET = apiRoute(async ({ ctx }) => ({ data: await listMySessions(ctx) }));

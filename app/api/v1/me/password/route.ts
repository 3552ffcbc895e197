// POST /api/v1/me/password — change my password (ends my other sessions and tokens)
import { changePassword } from "@/lib/auth/change-password";
import { apiRoute } from "@/lib/http/route";

export const POST = apiRoute(({ ctx, body }) => changePassword(ctx, body ?? {}));

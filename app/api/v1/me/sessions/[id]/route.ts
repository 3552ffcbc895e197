// DELETE /api/v1/me/sessions/{id} — end one of my sessions
import { endMySession } from "@/lib/auth/my-sessions";
import { apiRoute, noContent } from "@/lib/http/route";

export const DELETE = apiRoute(async ({ ctx, params }) => {
  await endMySession(ctx, params.id);
  return noContent();
});

// PATCH /api/v1/employees/{id} — change role, title or active; DELETE — deactivate
import { apiRoute } from "@/lib/http/route";
import { deactivateEmployee, updateEmployee } from "@/lib/people/update-employee";

export const PATCH = apiRoute(({ ctx, params, body }) => updateEmployee(ctx, params.id, body ?? {}));
export const DELETE = apiRoute(({ ctx, params }) => deactivateEmployee(ctx, params.id));

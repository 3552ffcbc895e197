// OpenAPI operations for /api/v1 routes of this domain: Products and categories.
import type { Operation } from "@/lib/http/openapi-operation";

export const catalogOperations: Operation[] = [];

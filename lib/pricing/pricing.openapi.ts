// OpenAPI operations for /api/v1 routes of this domain: Price lists, item prices, price quotes, import/export.
import type { Operation } from "@/lib/http/openapi-operation";

export const pricingOperations: Operation[] = [];

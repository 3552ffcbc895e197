// OpenAPI operations for /api/v1 routes of this domain: Warehouses, stock levels, ledger, receipts, adjustments, transfers, counts.
import type { Operation } from "@/lib/http/openapi-operation";

export const inventoryOperations: Operation[] = [];

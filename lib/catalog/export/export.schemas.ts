// What the export and template doors accept: the products list filters plus a format.
import { z } from "zod";
import { listProductsInput } from "@/lib/catalog/catalog.schemas";

const format = z.enum(["csv", "xlsx"], { error: "format is csv or xlsx" }).default("csv");

export const exportProductsInput = listProductsInput.pick({ q: true, categoryId: true, includeSubcategories: true, active: true, stock: true }).extend({ format });
export const exportPricesInput = z.strictObject({ format, priceListId: z.string().trim().min(1).optional() });
export const importTemplateInput = z.strictObject({ format, kind: z.enum(["products", "prices"], { error: "kind is products or prices" }) });

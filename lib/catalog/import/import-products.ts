import "server-only";
// Products from a CSV or XLSX file, matched by SKU: new SKUs are created, known ones updated. Every
// row is checked with the product form's own schema. A dry run only reports; a real import is one
// transaction that writes nothing when any row is bad.
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import { createCategoryPaths, loadCategoryTree, parseCategoryPath, pathKey, PATH_SEPARATOR } from "@/lib/catalog/import/category-paths";
import { headerKey, mapHeader, PRODUCT_BOOLEAN_COLUMNS, PRODUCT_DEFAULTED_COLUMNS, PRODUCT_FIELDS, parseYesNo, sortErrors, type ProductColumn, type RowError } from "@/lib/catalog/import/columns";
import { auditRows, chunks, type ImportResult, importFailed, lockImport, newId } from "@/lib/catalog/import/import-support";
import { readSheet, type Sheet } from "@/lib/catalog/import/read-sheet";
import { createProductInput } from "@/lib/catalog/catalog.schemas";
import type { Ctx } from "@/lib/ctx";
import type { PrismaClient, Tx } from "@/lib/db/client";
import { Prisma, type Product } from "@/lib/generated/prisma/client";

type Db = PrismaClient | Tx;

export async function importProducts(ctx: Ctx, input: { bytes: Buffer | undefined; contentType: string | null; dryRun: boolean }): Promise<ImportResult> {
  assertCan(ctx.actor, "catalog.write");
  const sheet = await readSheet(input.bytes, input.contentType);
  const companyId = ctx.actor.companyId;
  const summary = (p: Plan, dryRun: boolean): ImportResult => ({
    kind: "products",
    dryRun,
    format: sheet.format,
    rows: sheet.rows.length,
    toCreate: p.creates.length,
    toUpdate: p.updates.length,
    unchanged: p.unchanged,
    newCategories: [...p.newCategories.values()].map((s) => s.join(PATH_SEPARATOR)),
    errors: sortErrors(p.errors),
  });
  if (input.dryRun) return summary(await planProducts(ctx.db, companyId, sheet), true);

  return ctx.db.$transaction(
    async (tx) => {
      await lockImport(tx, companyId);
      const skus = [...new Set(collectSkus(sheet))];
      // Lock the products this file touches, so nobody edits them between the check and the write.
      for (const chunk of chunks(skus, 5000)) await tx.$queryRaw`SELECT id FROM "Product" WHERE "companyId" = ${companyId} AND sku = ANY(${chunk}::text[]) FOR UPDATE`;
      const plan = await planProducts(tx, companyId, sheet);
      const result = summary(plan, false);
      if (plan.errors.length) throw importFailed(result);

      const { ids: categoryIds, created: newCategories } = await createCategoryPaths(tx, companyId, [...plan.newCategories.values()]);
      const categoryOf = (ref: CategoryRef, current: string | null) => (ref.kind === "keep" ? current : ref.kind === "none" ? null : ref.kind === "id" ? ref.id : categoryIds.get(ref.key)!);
      const now = ctx.now();

      const made = plan.creates.map((c) => ({ ...DEFAULTS, ...c.data, id: newId(), categoryId: categoryOf(c.category, null) }));
      for (const chunk of chunks(made, 2000)) {
        await tx.$executeRaw`
          INSERT INTO "Product" (id, "companyId", sku, ${COLUMNS}, "createdAt", "updatedAt")
          SELECT v.id, ${companyId}, v.sku, ${VALUES}, ${now}, ${now}
          FROM jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) AS v(id text, sku text, ${RECORD})`;
      }
      for (const chunk of chunks(plan.updates, 2000)) {
        const values = chunk.map((u) => ({ ...u.values, id: u.id, categoryId: categoryOf(u.category, u.before.categoryId) }));
        await tx.$executeRaw`
          UPDATE "Product" p SET (${COLUMNS}, "updatedAt") = (${VALUES}, ${now})
          FROM jsonb_to_recordset(${JSON.stringify(values)}::jsonb) AS v(id text, ${RECORD})
          WHERE p.id = v.id AND p."companyId" = ${companyId}`;
      }

      const bySku = new Map(plan.creates.map((c) => [c.data.sku, c]));
      await auditRows(ctx, tx, [
        ...newCategories.map((c) => ({ action: "category.create", entityType: "Category", entityId: c.id, after: { name: c.name, parentId: c.parentId, via: "import" } })),
        ...made.map((m) => ({ action: "product.import_create", entityType: "Product", entityId: m.id, after: { ...bySku.get(m.sku)!.data, category: bySku.get(m.sku)!.categoryPath } })),
        ...plan.updates.map((u) => ({ action: "product.import_update", entityType: "Product", entityId: u.id, before: u.changedBefore, after: u.changedAfter })),
      ]);
      await recordAudit(ctx, tx, { action: "product.import", entityType: "Import", entityId: ctx.requestId, after: { format: sheet.format, rows: result.rows, created: result.toCreate, updated: result.toUpdate, unchanged: result.unchanged, categoriesCreated: newCategories.length } });
      return result;
    },
    { timeout: 5 * 60_000, maxWait: 30_000 },
  );
}

// ---------------------------------------------------------------------------------------------

type CategoryRef = { kind: "keep" } | { kind: "none" } | { kind: "id"; id: string } | { kind: "new"; key: string };
type Values = Record<string, string | number | boolean | null>;
type Plan = {
  errors: RowError[];
  creates: { row: number; data: Prisma.ProductCreateManyInput & { sku: string }; category: CategoryRef; categoryPath: string | null }[];
  updates: { row: number; id: string; before: Product; values: Values; category: CategoryRef; changedBefore: Values; changedAfter: Values }[];
  unchanged: number;
  newCategories: Map<string, string[]>;
};

// The product columns an import writes, in one order for INSERT and UPDATE from a JSON record set.
const WRITTEN = [
  ["name", "text"], ["description", "text"], ["categoryId", "text"], ["brand", "text"], ["hsnCode", "text"], ["gstRate", "numeric"], ["cessRate", "numeric"],
  ["unit", "text"], ["packUnit", "text"], ["packSize", "numeric"], ["sellInPacks", "boolean"], ["mrp", "numeric"], ["basePrice", "numeric"], ["costPrice", "numeric"],
  ["taxInclusive", "boolean"], ["barcode", "text"], ["active", "boolean"], ["minOrderQty", "numeric"], ["reorderLevel", "numeric"],
  ["leadTimeDays", "integer"],
] as const;
const COLUMNS = Prisma.raw(WRITTEN.map(([c]) => `"${c}"`).join(", "));
const VALUES = Prisma.raw(WRITTEN.map(([c]) => `v."${c}"`).join(", "));
const RECORD = Prisma.raw(WRITTEN.map(([c, t]) => `"${c}" ${t}`).join(", "));
/** The table's defaults, for columns a new product's row leaves out. */
const DEFAULTS = { description: null, brand: null, packUnit: null, packSize: null, mrp: null, costPrice: null, barcode: null, cessRate: "0", sellInPacks: false, taxInclusive: false, active: true, minOrderQty: "1", reorderLevel: "0", leadTimeDays: null };

const DECIMAL_FIELDS = new Set(["gstRate", "cessRate", "packSize", "mrp", "basePrice", "costPrice", "minOrderQty", "reorderLevel"]);
const REQUIRED_COLUMNS = new Set<ProductColumn>(["sku", "name", "hsn_code", "gst_rate", "unit", "base_price"]);
const FIELD_COLUMN = Object.fromEntries(Object.entries(PRODUCT_FIELDS).map(([c, f]) => [f, c])) as Record<string, ProductColumn>;
const VALUE_FIELDS = Object.values(PRODUCT_FIELDS).filter((f) => f !== "sku");

function collectSkus(sheet: Sheet) {
  const i = sheet.header.findIndex((h) => headerKey(h) === "sku");
  return i < 0 ? [] : sheet.rows.map((r) => (r.cells[i] ?? "").trim().toUpperCase()).filter(Boolean);
}

async function planProducts(db: Db, companyId: string, sheet: Sheet): Promise<Plan> {
  const plan: Plan = { errors: [], creates: [], updates: [], unchanged: 0, newCategories: new Map() };
  const { index, errors } = mapHeader<ProductColumn>(sheet.header, "products", ["sku"]);
  if (errors.length) {
    plan.errors = errors;
    return plan;
  }
  const cell = (cells: string[], c: ProductColumn) => (index.has(c) ? (cells[index.get(c)!] ?? "") : undefined);
  const skus = [...new Set(sheet.rows.map((r) => (cell(r.cells, "sku") ?? "").toUpperCase()).filter(Boolean))];
  const existing = new Map<string, Product>();
  for (const chunk of chunks(skus, 5000)) for (const p of await db.product.findMany({ where: { companyId, sku: { in: chunk } } })) existing.set(p.sku, p);
  const tree = index.has("category") ? await loadCategoryTree(db, companyId) : null;
  const firstRowOf = new Map<string, number>();

  for (const { row, cells } of sheet.rows) {
    const err = (column: string, message: string) => plan.errors.push({ row, column, message });
    const before = existing.get((cell(cells, "sku") ?? "").toUpperCase());
    const input: Record<string, unknown> = before ? toInput(before) : {};
    let bad = false;
    for (const [column, field] of Object.entries(PRODUCT_FIELDS) as [ProductColumn, string][]) {
      const v = cell(cells, column);
      if (v === undefined) continue;
      if (PRODUCT_BOOLEAN_COLUMNS.includes(column)) {
        const b = parseYesNo(v);
        if (b === undefined) {
          err(column, "Use yes or no (or true / false)");
          bad = true;
        } else if (b !== null) input[field] = b;
      } else if (v === "") {
        if (PRODUCT_DEFAULTED_COLUMNS.includes(column)) continue; // blank keeps the value (or the default)
        input[field] = REQUIRED_COLUMNS.has(column) ? "" : null;
      } else input[field] = v;
    }
    const parsed = createProductInput.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? "");
        const negative = DECIMAL_FIELDS.has(field) && typeof input[field] === "string" && (input[field] as string).trim().startsWith("-");
        err(FIELD_COLUMN[field] ?? field, negative ? "Cannot be negative" : issue.message);
      }
      bad = true;
    }

    // Category path: blank = no category; a missing path is created.
    let category: CategoryRef = { kind: before ? "keep" : "none" };
    let categoryPath: string | null = null;
    const rawCategory = cell(cells, "category");
    if (rawCategory !== undefined && tree) {
      if (rawCategory === "") category = { kind: "none" };
      else {
        const p = parseCategoryPath(rawCategory);
        if ("error" in p) {
          err("category", p.error);
          bad = true;
        } else {
          categoryPath = p.segments.join(PATH_SEPARATOR);
          const id = tree.find(p.segments);
          if (id) category = { kind: "id", id };
          else {
            const key = pathKey(p.segments);
            category = { kind: "new", key };
            // Every missing level is a new category ("Home", then "Home > Bath").
            for (let depth = 1; depth <= p.segments.length; depth++) {
              const prefix = p.segments.slice(0, depth);
              const k = pathKey(prefix);
              if (!plan.newCategories.has(k) && !tree.find(prefix)) plan.newCategories.set(k, tree.canonical(prefix));
            }
          }
        }
      }
    }
    if (!parsed.success) continue;
    const data = parsed.data;
    const first = firstRowOf.get(data.sku);
    if (first !== undefined) {
      err("sku", `SKU ${data.sku} is also on row ${first}; each SKU once per file`);
      continue;
    }
    firstRowOf.set(data.sku, row);
    if (bad) continue;

    const values: Values = {};
    for (const f of VALUE_FIELDS) {
      const v = (data as Record<string, unknown>)[f];
      if (v !== undefined) values[f] = v as string | number | boolean | null;
    }
    if (!before) {
      plan.creates.push({ row, data: { ...(values as object), sku: data.sku } as Prisma.ProductCreateManyInput & { sku: string }, category, categoryPath });
      continue;
    }
    const changedBefore: Values = {};
    const changedAfter: Values = {};
    for (const f of VALUE_FIELDS) {
      const old = (before as unknown as Record<string, unknown>)[f];
      if (!same(f, old, values[f])) {
        changedBefore[f] = show(old);
        changedAfter[f] = values[f] ?? null;
      }
    }
    const newCategoryId = category.kind === "keep" ? before.categoryId : category.kind === "id" ? category.id : category.kind === "none" ? null : "(new)";
    if (newCategoryId !== before.categoryId) {
      changedBefore.category = tree?.pathOf(before.categoryId) || null;
      changedAfter.category = categoryPath;
    }
    if (Object.keys(changedAfter).length === 0) plan.unchanged++;
    else plan.updates.push({ row, id: before.id, before, values, category, changedBefore, changedAfter });
  }
  return plan;
}

/** An existing product as createProductInput would accept it, so a file can change just some columns. */
function toInput(p: Product): Record<string, unknown> {
  return {
    sku: p.sku,
    name: p.name,
    description: p.description,
    brand: p.brand,
    hsnCode: p.hsnCode,
    gstRate: p.gstRate.toFixed(),
    cessRate: p.cessRate.toFixed(),
    unit: p.unit,
    packUnit: p.packUnit,
    packSize: p.packSize?.toFixed() ?? null,
    sellInPacks: p.sellInPacks,
    mrp: p.mrp?.toFixed(2) ?? null,
    basePrice: p.basePrice.toFixed(2),
    costPrice: p.costPrice?.toFixed(2) ?? null,
    taxInclusive: p.taxInclusive,
    barcode: p.barcode,
    active: p.active,
    minOrderQty: p.minOrderQty.toFixed(),
    reorderLevel: p.reorderLevel.toFixed(),
    leadTimeDays: p.leadTimeDays,
  };
}

function same(field: string, old: unknown, next: string | number | boolean | null | undefined) {
  if (next === undefined) return true;
  if (old === null || old === undefined || next === null) return (old ?? null) === next;
  if (DECIMAL_FIELDS.has(field)) return (old as Prisma.Decimal).eq(next as string);
  return old === next;
}

function show(v: unknown): string | number | boolean | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Prisma.Decimal) return v.toFixed();
  return v as string | number | boolean;
}

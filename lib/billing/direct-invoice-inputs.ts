import "server-only";
// Everything a direct invoice (lib/billing/issue-invoice.ts) and its live preview read, in one
// statement with no transaction and no lock: the connection with its retailer (the buyer block), the
// company (the seller block), the billing settings, the catalog products on the lines, the price
// lists and their items for the day, and the dated GST rates for every HSN code on the lines. Before,
// issuing read these with eleven ORM statements inside its transaction, with the retailer's
// connection row locked through all of them.
import { defaultBillingSettings } from "@/lib/billing/billing-settings";
import { BUYER_COLUMNS, SELLER_COLUMNS, type BuyerSource, type SellerSource } from "@/lib/billing/parties";
import type { DocumentSettings } from "@/lib/billing/write-document";
import { runnerFor } from "@/lib/db/sql-runner";
import type { PrismaClient } from "@/lib/db/client";
import { Prisma, type Connection } from "@/lib/generated/prisma/client";
import { dayToDbDate } from "@/lib/pricing/dates";
import { priceItemsJsonSql, priceListsSql, toPriceRows, type PriceItemJson } from "@/lib/pricing/price-data-sql";
import type { PriceData } from "@/lib/pricing/resolve-price";
import type { TaxRateRow } from "@/lib/tax/resolve-rate";

const D = Prisma.Decimal;

export type DirectInvoiceConnection = Pick<
  Connection,
  "id" | "retailerId" | "customerCode" | "paymentTermsDays" | "placeOfSupply" | "shippingLine1" | "shippingLine2" | "shippingCity" | "shippingStateCode" | "shippingPincode"
> & { status: string; retailer: BuyerSource };

export type DirectInvoiceProduct = {
  id: string;
  sku: string;
  name: string;
  hsnCode: string;
  unit: string;
  basePrice: Prisma.Decimal;
  taxInclusive: boolean;
  gstRate: Prisma.Decimal;
  cessRate: Prisma.Decimal;
  mrp: Prisma.Decimal | null;
};

export type DirectInvoiceInputs = {
  connection: DirectInvoiceConnection | null;
  company: SellerSource;
  settings: DocumentSettings;
  products: DirectInvoiceProduct[];
  prices: Omit<PriceData, "products">;
  taxRates: TaxRateRow[];
};

type Row = {
  connection: (Omit<DirectInvoiceConnection, "retailer"> & { priceListId: string | null; retailer: BuyerSource }) | null;
  company: SellerSource;
  settings: DocumentSettings | null;
  products: (Omit<DirectInvoiceProduct, "basePrice" | "gstRate" | "cessRate" | "mrp"> & { basePrice: string; gstRate: string; cessRate: string; mrp: string | null })[];
  lists: { id: string; name: string; isDefault: boolean }[];
  items: PriceItemJson[];
  taxRates: { companyId: string | null; hsnPrefix: string; gstRate: string; cessRate: string; effectiveFrom: string }[];
};

const jsonFields = (alias: string, columns: readonly string[]) => columns.map((c) => `'${c}', ${alias}."${c}"`).join(", ");

/**
 *   $1 companyId  $2 connectionId  $3 product ids  $4 the document's day  $5 HSN codes of the free-text lines
 * The connection is null when it is not the company's; products that are not the company's are left out.
 * Products are found one id at a time through the primary key, whatever the generic plan's estimates
 * (see readOrderInputsSql in lib/orders/place-order-sql.ts).
 */
export const readDirectInvoiceInputsSql = `
WITH c AS MATERIALIZED (
  SELECT c.id, c."retailerId", c.status::text AS status, c."customerCode", c."paymentTermsDays", c."placeOfSupply", c."priceListId",
         c."shippingLine1", c."shippingLine2", c."shippingCity", c."shippingStateCode", c."shippingPincode",
         json_build_object(${jsonFields("r", BUYER_COLUMNS)}) AS retailer
  FROM "Connection" c JOIN "Retailer" r ON r.id = c."retailerId"
  WHERE c.id = $2::text AND c."companyId" = $1::text
),
p AS MATERIALIZED (
  SELECT p.id, p.sku, p.name, p."hsnCode", p.unit, p."basePrice"::text AS "basePrice", p."taxInclusive", p."gstRate"::text AS "gstRate",
         p."cessRate"::text AS "cessRate", p.mrp::text AS mrp
  FROM (SELECT DISTINCT unnest($3::text[]) AS id) w CROSS JOIN LATERAL (SELECT p.* FROM "Product" p WHERE p.id = w.id AND p."companyId" = $1::text LIMIT 1) p
),
pl AS MATERIALIZED (${priceListsSql("$1::text", `(SELECT "priceListId" FROM c)`)}),
prefixes AS (
  SELECT DISTINCT left(h, n) AS prefix
  FROM (SELECT "hsnCode" AS h FROM p UNION SELECT unnest($5::text[])) codes, generate_series(2, length(h)) n
)
SELECT
  (SELECT row_to_json(c) FROM c) AS connection,
  (SELECT json_build_object(${jsonFields("co", SELLER_COLUMNS)}) FROM "Company" co WHERE co.id = $1::text) AS company,
  (SELECT json_build_object('invoiceSeries', s."invoiceSeries", 'creditNoteSeries', s."creditNoteSeries", 'debitNoteSeries', s."debitNoteSeries",
                            'eInvoiceEnabled', s."eInvoiceEnabled", 'emailOnIssue', s."emailOnIssue")
     FROM "BillingSettings" s WHERE s."companyId" = $1::text) AS settings,
  (SELECT coalesce(json_agg(p), '[]') FROM p) AS products,
  (SELECT coalesce(json_agg(pl), '[]') FROM pl) AS lists,
  ${priceItemsJsonSql("$1::text", "IN (SELECT id FROM p)", "$4::date")} AS items,
  (SELECT coalesce(json_agg(json_build_object('companyId', t."companyId", 'hsnPrefix', t."hsnPrefix", 'gstRate', t."gstRate"::text, 'cessRate', t."cessRate"::text,
            'effectiveFrom', to_char(t."effectiveFrom", 'YYYY-MM-DD'))), '[]')
     FROM "TaxRate" t WHERE t."hsnPrefix" IN (SELECT prefix FROM prefixes) AND (t."companyId" = $1::text OR t."companyId" IS NULL)) AS "taxRates"`;

export async function readDirectInvoiceInputs(
  db: PrismaClient | Prisma.TransactionClient,
  args: { companyId: string; connectionId: string; productIds: string[]; day: string; freeTextHsnCodes: string[] },
): Promise<DirectInvoiceInputs> {
  const [row] = await runnerFor(db).query<Row>(readDirectInvoiceInputsSql, [args.companyId, args.connectionId, args.productIds, args.day, args.freeTextHsnCodes]);
  const { connection, company, settings, products, lists, items, taxRates } = row!;
  return {
    connection: connection && { ...connection },
    company,
    settings: settings ?? defaultBillingSettings(args.companyId),
    products: products.map((p) => ({ ...p, basePrice: new D(p.basePrice), gstRate: new D(p.gstRate), cessRate: new D(p.cessRate), mrp: p.mrp === null ? null : new D(p.mrp) })),
    prices: {
      connectionPriceListId: connection?.priceListId ?? null,
      lists,
      rows: toPriceRows(items),
    },
    taxRates: taxRates.map((t) => ({ ...t, effectiveFrom: dayToDbDate(t.effectiveFrom) })),
  };
}

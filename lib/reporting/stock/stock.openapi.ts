// OpenAPI operations of the stock report: valuation, movement summary, ageing, reorder suggestions
// and the ledger rows behind a figure.
import { mediaTypes, type Operation } from "@/lib/http/openapi-operation";
import { exportFormat } from "@/lib/reporting/sales/sales.schemas";
import { reorderInput, stockAgeingInput, stockLedgerInput, stockMovementsInput, stockValuationReportInput } from "./stock.schemas";

const money = { type: "string", description: "Rupees as a decimal string" };
const nmoney = { type: ["string", "null"], description: "Rupees as a decimal string; null without a cost price" };
const quantity = { type: "string", description: "Decimal quantity" };
const str = { type: "string" };
const nstr = { type: ["string", "null"] };
const int = { type: "integer" };
const filters = { type: "object", required: [], description: "The filters applied (only those given)", properties: { warehouseId: str, categoryId: str, productId: str } };
const files = [mediaTypes.csv, mediaTypes.xlsx];
const figureNames = ["opening", "receipts", "returns", "transfersIn", "adjustmentsIn", "in", "dispatches", "transfersOut", "adjustmentsOut", "out", "closing"];
const movementFigures = (kind: Record<string, unknown>) => ({ type: "object", properties: Object.fromEntries(figureNames.map((f) => [f, kind])) });
const fileNote = "format=csv or xlsx returns the same rows and totals as a streamed file (Content-Disposition: attachment). reports.read and inventory.read. A bad value is 400 naming the field; another company's ids select nothing.";

export const stockReportOperations: Operation[] = [
  {
    method: "get", path: "/reports/stock/valuation", tag: "Reports", auth: true,
    summary: "Stock report: on hand and value at cost by warehouse, category or product",
    description: "Today's on hand of every shelf × the product's cost price. Products without a cost price are counted in `unvalued`, not in the value. " + fileNote,
    query: stockValuationReportInput.extend({ format: exportFormat.optional() }),
    response: {
      status: 200, files, description: "Rows and totals",
      schema: { type: "object", properties: {
        groupBy: str, filters, truncated: { type: "boolean" },
        rows: { type: "array", items: { type: "object", properties: { key: str, name: str, code: nstr, shelves: int, products: int, unit: nstr, quantity: { type: ["string", "null"] }, costPrice: nmoney, value: money, unvalued: int } } },
        totals: { type: "object", properties: { shelves: int, products: int, value: money, unvalued: int } },
      } },
    },
  },
  {
    method: "get", path: "/reports/stock/movements", tag: "Reports", auth: true,
    summary: "Stock report: movement summary of a period (opening, in, out, closing)",
    description: "From the stock ledger, IST days. opening = rows before `from`; in = receipts + returns + transfers in + adjustments up; out = dispatches + transfers out + adjustments down; closing = opening + in − out = rows up to the end of `to`. Quantities only for product rows (one unit); values at today's cost price. " + fileNote,
    query: stockMovementsInput.extend({ format: exportFormat.optional() }),
    response: {
      status: 200, files, description: "Rows and totals",
      schema: { type: "object", properties: {
        from: str, to: str, groupBy: str, filters, truncated: { type: "boolean" },
        rows: { type: "array", items: { type: "object", properties: { key: str, name: str, code: nstr, unit: nstr, quantities: { ...movementFigures(quantity), type: ["object", "null"] }, values: movementFigures(money), unvalued: int } } },
        totals: { type: "object", properties: { values: movementFigures(money), unvalued: int, products: int } },
      } },
    },
  },
  {
    method: "get", path: "/reports/stock/ageing", tag: "Reports", auth: true,
    summary: "Stock report: slow movers and ageing",
    description: "Every shelf with stock: days since its last dispatch or transfer out (else since the stock on it came in) and its value at cost, slowest first; bucket values (0–30, 31–60, 61–90, over 90 days) add up to the valued stock. " + fileNote,
    query: stockAgeingInput.extend({ format: exportFormat.optional() }),
    response: {
      status: 200, files, description: "Shelves, buckets and totals",
      schema: { type: "object", properties: {
        asOf: str, filters, minDays: int, truncated: { type: "boolean" },
        rows: { type: "array", items: { type: "object", properties: { productId: str, sku: str, name: str, unit: str, warehouseId: str, warehouseCode: str, onHand: quantity, costPrice: nmoney, value: nmoney, lastOutward: nstr, idleSince: str, idleDays: int, bucket: { type: "string", enum: ["d0_30", "d31_60", "d61_90", "d90_plus"] }, outLast30: quantity } } },
        buckets: { type: "object", additionalProperties: { type: "object", properties: { shelves: int, value: money } } },
        totals: { type: "object", properties: { shelves: int, value: money, unvalued: int } },
      } },
    },
  },
  {
    method: "get", path: "/reports/stock/reorder", tag: "Reports", auth: true,
    summary: "Stock report: reorder suggestions",
    description: "Active products below their reorder level or with fewer days of cover (available ÷ the last 30 days' average daily dispatches) than their lead time. Suggested = reorder level + daily outflow × (lead time + cover days) − available, rounded up to whole packs. The lead time of a row is the product's own (Product.leadTimeDays) when it has one, else the report's leadTimeDays; each row says which (leadTimeSource). " + fileNote,
    query: reorderInput.extend({ format: exportFormat.optional() }),
    response: {
      status: 200, files, description: "Suggestions and totals",
      schema: { type: "object", properties: {
        asOf: str, outflowFrom: str, outflowTo: str, leadTimeDays: { type: "integer", description: "The report's lead time, for products without their own" }, coverDays: int, filters, truncated: { type: "boolean" },
        rows: { type: "array", items: { type: "object", properties: { productId: str, sku: str, name: str, unit: str, packUnit: nstr, packSize: { type: ["string", "null"], description: "Units in a pack; the suggestion is whole packs" }, reorderLevel: quantity, onHand: quantity, reserved: quantity, available: quantity, outflow30: quantity, dailyOutflow: quantity, daysOfCover: { type: ["string", "null"] }, leadTimeDays: { type: "integer", description: "The lead time this row used (days)" }, leadTimeSource: { type: "string", enum: ["product", "report"], description: "product: the product's own lead time; report: the report's leadTimeDays (the product has none)" }, reason: { type: "string", enum: ["out_of_stock", "below_reorder_level", "cover_short"] }, suggested: quantity, costPrice: nmoney, suggestedValue: nmoney } } },
        totals: { type: "object", properties: { products: int, considered: int, suggestedValue: money, unvalued: int } },
      } },
    },
  },
  {
    method: "get", path: "/reports/stock/ledger", tag: "Reports", auth: true,
    summary: "The stock ledger rows behind a stock report figure (drill-down)",
    description: "The same filters as the report and the figure to explain (on_hand, opening, closing, in, out, a kind, or outflow); from and to for every figure but on_hand. totals.figureQuantity equals the report's figure (out figures positive). reports.read and inventory.read.",
    query: stockLedgerInput,
    response: {
      status: 200, description: "Ledger rows and their sum",
      schema: { type: "object", properties: {
        figure: str, from: nstr, to: nstr, filters, total: int,
        data: { type: "array", items: { type: "object", properties: {
          id: str, at: { type: "string", format: "date-time" }, kind: str, kindLabel: str, quantity, value: nmoney, reason: nstr,
          product: { type: "object", properties: { id: str, sku: str, name: str, unit: str } },
          warehouse: { type: "object", properties: { id: str, code: str } },
          reference: { type: ["object", "null"], description: "The document behind the row", properties: { type: str, id: nstr, label: str, href: nstr } },
        } } },
        totals: { type: "object", properties: { quantity, value: money, figureQuantity: quantity, figureValue: money, products: int } },
      } },
    },
  },
];

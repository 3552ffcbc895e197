import { describe, expect, it } from "vitest";
import * as openapi from "@/app/api/v1/openapi.json/route";
import * as stockRoute from "@/app/api/v1/stock/route";
import * as adjustmentsRoute from "@/app/api/v1/stock/adjustments/route";
import * as countsRoute from "@/app/api/v1/stock/counts/route";
import * as countRoute from "@/app/api/v1/stock/counts/[id]/route";
import * as countCancelRoute from "@/app/api/v1/stock/counts/[id]/cancel/route";
import * as countLinesRoute from "@/app/api/v1/stock/counts/[id]/lines/route";
import * as countPostRoute from "@/app/api/v1/stock/counts/[id]/post/route";
import * as lowRoute from "@/app/api/v1/stock/low/route";
import * as movementsRoute from "@/app/api/v1/stock/movements/route";
import * as receiptsRoute from "@/app/api/v1/stock/receipts/route";
import * as receiptRoute from "@/app/api/v1/stock/receipts/[id]/route";
import * as settingsRoute from "@/app/api/v1/stock/settings/route";
import * as transfersRoute from "@/app/api/v1/stock/transfers/route";
import * as transferRoute from "@/app/api/v1/stock/transfers/[id]/route";
import * as valuationRoute from "@/app/api/v1/stock/valuation/route";
import * as warehousesRoute from "@/app/api/v1/warehouses/route";
import * as warehouseRoute from "@/app/api/v1/warehouses/[id]/route";
import * as warehouseActionRoute from "@/app/api/v1/warehouses/[id]/[action]/route";
import { issueTokenPair } from "@/lib/auth/tokens";
import { prisma } from "@/lib/db/client";
import { adjustStock } from "@/lib/inventory/adjust-stock";
import { getAvailability } from "@/lib/inventory/availability";
import { createGoodsReceipt, getGoodsReceiptOrThrow, listGoodsReceipts } from "@/lib/inventory/goods-receipts";
import { applyMovements } from "@/lib/inventory/ledger";
import { listLowStock } from "@/lib/inventory/low-stock";
import { listMovements } from "@/lib/inventory/movements";
import { financialYearLabel } from "@/lib/inventory/numbering";
import { dispatchReservation, releaseReservation, reserveStock, returnStock } from "@/lib/inventory/reservations";
import { setShowStockToRetailers } from "@/lib/inventory/settings";
import { cancelStockCount, createStockCount, getStockCountOrThrow, listStockCounts, postStockCount, saveCountLines } from "@/lib/inventory/stock-counts";
import { inventorySummary, listStockLevels } from "@/lib/inventory/stock-levels";
import { createTransfer, getTransferOrThrow, listTransfers } from "@/lib/inventory/transfers";
import { stockValuation } from "@/lib/inventory/valuation";
import { activateWarehouse, createWarehouse, deactivateWarehouse, getWarehouseOrThrow, listWarehouses, setDefaultWarehouse, updateWarehouse } from "@/lib/inventory/warehouses";
import { createProduct, createWarehouse as makeWarehouse, stockUp } from "../support/catalog-factories";
import { createStaff, ctxFor, tenant } from "../support/factories";
import { call } from "../support/http";
import { expectLedgerMatchesLevels, level } from "../support/inventory-helpers";

// 25 Nov 2025, 10:00 in India: financial year 2025-26.
const NOW = new Date("2025-11-25T04:30:00Z");

async function shop(role: Parameters<typeof tenant>[0] = "OWNER") {
  const t = await tenant(role);
  const ctx = ctxFor(t.actor, NOW);
  const wh = await makeWarehouse(t.company.id, { code: "MAIN", isDefault: true });
  return { ...t, ctx, wh };
}

const receive = (ctx: ReturnType<typeof ctxFor>, warehouseId: string, lines: { productId: string; quantity: string; unitCost?: string }[], over: Record<string, unknown> = {}) =>
  createGoodsReceipt(ctx, { warehouseId, supplierName: "Annapurna Mills", supplierInvoiceNo: "AM/2025/118", receivedDate: "2025-11-24", lines, ...over });

describe("warehouses", () => {
  it("the first warehouse becomes the default; codes are unique per company; set default moves it", async () => {
    const t = await tenant();
    const ctx = ctxFor(t.actor, NOW);
    const pune = await createWarehouse(ctx, { code: "pune-1", name: "Pune godown", addressLine1: "Plot 12, MIDC Bhosari", city: "Pune", stateCode: "27", pincode: "411026" });
    expect(pune).toMatchObject({ code: "PUNE-1", isDefault: true, active: true, stateName: "Maharashtra" });
    const nashik = await createWarehouse(ctx, { code: "NSK", name: "Nashik depot", stateCode: "27" });
    expect(nashik.isDefault).toBe(false);
    await expect(createWarehouse(ctx, { code: "PUNE-1", name: "Again", stateCode: "27" })).rejects.toMatchObject({ code: "conflict", fieldErrors: { code: [expect.any(String)] } });
    const other = await tenant();
    await expect(createWarehouse(ctxFor(other.actor), { code: "PUNE-1", name: "Their Pune", stateCode: "27" })).resolves.toMatchObject({ code: "PUNE-1", isDefault: true });

    await setDefaultWarehouse(ctx, nashik.id);
    const list = await listWarehouses(ctx);
    expect(list.items.map((w) => [w.code, w.isDefault])).toEqual([["NSK", true], ["PUNE-1", false]]);
    const renamed = await updateWarehouse(ctx, pune.id, { name: "Pune main godown", pincode: "411019" });
    expect(renamed).toMatchObject({ name: "Pune main godown", pincode: "411019", code: "PUNE-1" });
    const actions = (await prisma.auditLog.findMany({ where: { companyId: t.company.id, entityType: "Warehouse" }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] })).map((a) => a.action);
    expect(actions).toEqual(["warehouse.create", "warehouse.create", "warehouse.set_default", "warehouse.update"]);
  });

  it("bad input names the fields and creates nothing", async () => {
    const t = await tenant();
    const err = await createWarehouse(ctxFor(t.actor), { code: "no spaces!", name: "", stateCode: "99", pincode: "0123" }).catch((e) => e);
    expect(err).toMatchObject({ code: "validation" });
    expect(Object.keys(err.fieldErrors).sort()).toEqual(["code", "name", "pincode", "stateCode"]);
    await expect(createWarehouse(ctxFor(t.actor), { code: "X1", name: "X", stateCode: "27", colour: "red" })).rejects.toMatchObject({ fieldErrors: { colour: ["Unknown field"] } });
    expect(await prisma.warehouse.count({ where: { companyId: t.company.id } })).toBe(0);
  });

  it("deactivation is refused while stock is on hand or reserved, and for the default; allowed when empty", async () => {
    const s = await shop();
    const second = await createWarehouse(s.ctx, { code: "NSK", name: "Nashik depot", stateCode: "27" });
    const p = await createProduct(s.company.id);
    await expect(deactivateWarehouse(s.ctx, s.wh.id)).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("default") });
    await receive(s.ctx, second.id, [{ productId: p.id, quantity: "5" }]);
    await expect(deactivateWarehouse(s.ctx, second.id)).rejects.toMatchObject({ code: "conflict", details: { products: 1, onHand: "5.000" } });
    await prisma.$transaction((tx) => reserveStock(tx, { companyId: s.company.id, warehouseId: second.id, refType: "Order", refId: "o-1", lines: [{ productId: p.id, quantity: 2 }] }));
    await adjustStock(s.ctx, { productId: p.id, warehouseId: second.id, quantity: "-3", reason: "damaged" });
    await expect(deactivateWarehouse(s.ctx, second.id)).rejects.toMatchObject({ code: "conflict", details: { reserved: "2.000" } });
    await prisma.$transaction((tx) => releaseReservation(tx, { companyId: s.company.id, refType: "Order", refId: "o-1" }));
    await adjustStock(s.ctx, { productId: p.id, warehouseId: second.id, quantity: "-2", reason: "expired" });
    await expect(deactivateWarehouse(s.ctx, second.id)).resolves.toMatchObject({ active: false });
    await expect(deactivateWarehouse(s.ctx, second.id)).rejects.toMatchObject({ code: "invalid_transition" });
    await expect(setDefaultWarehouse(s.ctx, second.id)).rejects.toMatchObject({ code: "invalid_transition" });
    // An inactive warehouse takes no stock.
    await expect(receive(s.ctx, second.id, [{ productId: p.id, quantity: "1" }])).rejects.toMatchObject({ code: "conflict", fieldErrors: { warehouseId: [expect.stringContaining("inactive")] } });
    await expect(prisma.$transaction((tx) => applyMovements(tx, { companyId: s.company.id, movements: [{ productId: p.id, warehouseId: second.id, kind: "RETURN", onHandDelta: "1", reservedDelta: "0" }] }))).rejects.toMatchObject({ code: "conflict" });
    await activateWarehouse(s.ctx, second.id);
    await expect(activateWarehouse(s.ctx, second.id)).rejects.toMatchObject({ code: "invalid_transition" });
    await expectLedgerMatchesLevels(s.company.id);
  });

  it("another tenant's warehouse is not found, whatever the operation", async () => {
    const a = await shop();
    const b = await tenant();
    const ctxB = ctxFor(b.actor, NOW);
    await expect(getWarehouseOrThrow(ctxB, a.wh.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(updateWarehouse(ctxB, a.wh.id, { name: "Mine now" })).rejects.toMatchObject({ code: "not_found" });
    await expect(setDefaultWarehouse(ctxB, a.wh.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(deactivateWarehouse(ctxB, a.wh.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(activateWarehouse(ctxB, a.wh.id)).rejects.toMatchObject({ code: "not_found" });
    expect((await listWarehouses(ctxB)).items).toEqual([]);
    expect((await prisma.warehouse.findUniqueOrThrow({ where: { id: a.wh.id } })).name).toBe(a.wh.name);
  });
});

describe("goods receipts", () => {
  it("receives stock, numbers GRN/25-26/00001 onwards, moves cost to the weighted average and audits", async () => {
    const s = await shop();
    const besan = await createProduct(s.company.id, { costPrice: "78.00" });
    // Loose poha is sold by weight: a fractional receipt is a real one (24.5 kg).
    const poha = await createProduct(s.company.id, { unit: "KGS", costPrice: null });
    await stockUp(s.company.id, besan.id, s.wh.id, 10);
    const grn = await receive(s.ctx, s.wh.id, [
      { productId: besan.id, quantity: "10", unitCost: "90" },
      { productId: poha.id, quantity: "24.5", unitCost: "41.25" },
    ]);
    expect(grn).toMatchObject({ number: "GRN/25-26/00001", warehouse: { code: "MAIN" }, supplierInvoiceNo: "AM/2025/118", totalCost: "1910.63", createdBy: s.user.name });
    expect(grn.lines.map((l) => [l.quantity, l.unitCost, l.amount])).toEqual([["10.000", "90.00", "900.00"], ["24.500", "41.25", "1010.63"]]);
    expect(await level(besan.id, s.wh.id)).toEqual({ onHand: "20.000", reserved: "0.000" });
    // (10 × 78 + 10 × 90) ÷ 20 = 84; a product without a cost takes the receipt's cost.
    expect((await prisma.product.findUniqueOrThrow({ where: { id: besan.id } })).costPrice?.toFixed(2)).toBe("84.00");
    expect((await prisma.product.findUniqueOrThrow({ where: { id: poha.id } })).costPrice?.toFixed(2)).toBe("41.25");
    const second = await receive(s.ctx, s.wh.id, [{ productId: besan.id, quantity: "5" }], { updateCostPrice: false });
    expect(second.number).toBe("GRN/25-26/00002");
    expect((await prisma.product.findUniqueOrThrow({ where: { id: besan.id } })).costPrice?.toFixed(2)).toBe("84.00");
    const movements = await prisma.stockMovement.findMany({ where: { refType: "GoodsReceipt", refId: grn.id } });
    expect(movements.map((m) => [m.kind, m.onHandDelta.toFixed(3), m.unitCost?.toFixed(2), m.userId])).toEqual(
      expect.arrayContaining([["RECEIPT", "10.000", "90.00", s.user.id], ["RECEIPT", "24.500", "41.25", s.user.id]]),
    );
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { entityType: "GoodsReceipt", entityId: grn.id } });
    expect(audit).toMatchObject({ action: "goods_receipt.create", actorUserId: s.user.id });
    expect(await getGoodsReceiptOrThrow(s.ctx, grn.id)).toMatchObject({ number: grn.number, lines: [expect.anything(), expect.anything()] });
    const list = await listGoodsReceipts(s.ctx, { q: "annapurna" });
    expect(list.items.map((r) => r.number)).toEqual(["GRN/25-26/00002", "GRN/25-26/00001"]);
    expect(await expectLedgerMatchesLevels(s.company.id)).toBe(2);
  });

  it("numbers follow the Indian financial year of the received date", async () => {
    const s = await shop();
    const p = await createProduct(s.company.id);
    const ctx = ctxFor(s.actor, new Date("2026-04-02T06:00:00Z"));
    expect((await receive(ctx, s.wh.id, [{ productId: p.id, quantity: "1" }], { receivedDate: "2026-03-31" })).number).toBe("GRN/25-26/00001");
    expect((await receive(ctx, s.wh.id, [{ productId: p.id, quantity: "1" }], { receivedDate: "2026-04-01" })).number).toBe("GRN/26-27/00001");
    expect((await receive(ctx, s.wh.id, [{ productId: p.id, quantity: "1" }], { receivedDate: "2026-03-30" })).number).toBe("GRN/25-26/00002");
    expect(financialYearLabel(new Date("2026-03-31T18:29:00Z"))).toBe("25-26"); // 23:59 IST on 31 March
    expect(financialYearLabel(new Date("2026-03-31T18:30:00Z"))).toBe("26-27"); // 00:00 IST on 1 April
    await expect(receive(ctx, s.wh.id, [{ productId: p.id, quantity: "1" }], { receivedDate: "2026-04-03" })).rejects.toMatchObject({ code: "validation", fieldErrors: { receivedDate: ["Cannot be in the future"] } });
  });

  it("10 parallel receipts get 10 distinct consecutive numbers", async () => {
    const s = await shop();
    const p = await createProduct(s.company.id);
    const results = await Promise.all(Array.from({ length: 10 }, () => receive(s.ctx, s.wh.id, [{ productId: p.id, quantity: "1" }])));
    expect(results.map((r) => r.number).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `GRN/25-26/${String(i + 1).padStart(5, "0")}`));
    expect(await level(p.id, s.wh.id)).toEqual({ onHand: "10.000", reserved: "0.000" });
    await expectLedgerMatchesLevels(s.company.id);
  });

  it("bad lines, another tenant's product or warehouse: clear errors and nothing written", async () => {
    const s = await shop();
    const b = await shop();
    const mine = await createProduct(s.company.id);
    const theirs = await createProduct(b.company.id);
    const bad = await receive(s.ctx, s.wh.id, [{ productId: mine.id, quantity: "0" }, { productId: mine.id, quantity: "1.2345", unitCost: "-4" }]).catch((e) => e);
    expect(bad).toMatchObject({ code: "validation" });
    expect(Object.keys(bad.fieldErrors).sort()).toEqual(["lines.0.quantity", "lines.1.quantity", "lines.1.unitCost"]);
    await expect(receive(s.ctx, s.wh.id, [])).rejects.toMatchObject({ fieldErrors: { lines: ["Add at least one product"] } });
    await expect(receive(s.ctx, s.wh.id, [{ productId: mine.id, quantity: "1" }, { productId: theirs.id, quantity: "1" }])).rejects.toMatchObject({ code: "not_found", fieldErrors: { "lines.1.productId": ["Product not found"] } });
    await expect(receive(s.ctx, b.wh.id, [{ productId: mine.id, quantity: "1" }])).rejects.toMatchObject({ code: "not_found" });
    await expect(receive(s.ctx, "nope", [{ productId: mine.id, quantity: "1" }])).rejects.toMatchObject({ code: "not_found" });
    expect(await prisma.goodsReceipt.count({ where: { companyId: s.company.id } })).toBe(0);
    expect(await prisma.stockMovement.count({ where: { companyId: s.company.id } })).toBe(0);
    // The ledger itself refuses another tenant's rows too.
    await expect(prisma.$transaction((tx) => applyMovements(tx, { companyId: s.company.id, movements: [{ productId: theirs.id, warehouseId: s.wh.id, kind: "RECEIPT", onHandDelta: "1", reservedDelta: "0" }] }))).rejects.toMatchObject({ code: "not_found" });
    await expect(prisma.$transaction((tx) => applyMovements(tx, { companyId: s.company.id, movements: [{ productId: mine.id, warehouseId: b.wh.id, kind: "RECEIPT", onHandDelta: "1", reservedDelta: "0" }] }))).rejects.toMatchObject({ code: "not_found" });
    // Another tenant cannot read the receipt.
    const grn = await receive(s.ctx, s.wh.id, [{ productId: mine.id, quantity: "1" }]);
    await expect(getGoodsReceiptOrThrow(b.ctx, grn.id)).rejects.toMatchObject({ code: "not_found" });
    expect((await listGoodsReceipts(b.ctx)).items).toEqual([]);
  });
});

describe("adjustments", () => {
  it("adds and removes with a reason; cannot remove reserved or missing units", async () => {
    const s = await shop();
    const p = await createProduct(s.company.id, { unit: "KGS" });
    const found = await adjustStock(s.ctx, { productId: p.id, warehouseId: s.wh.id, quantity: "+12.5", reason: "found", note: "Behind the rack" });
    expect(found).toMatchObject({ onHand: "12.500", available: "12.500", quantity: "12.500" });
    await expectLedgerMatchesLevels(s.company.id);
    await prisma.$transaction((tx) => reserveStock(tx, { companyId: s.company.id, warehouseId: s.wh.id, refType: "Order", refId: "o-9", lines: [{ productId: p.id, quantity: "10" }] }));
    const short = await adjustStock(s.ctx, { productId: p.id, warehouseId: s.wh.id, quantity: "-3", reason: "damaged" }).catch((e) => e);
    expect(short).toMatchObject({ code: "insufficient_stock", fieldErrors: { quantity: ["Only 2.5 available to remove"] }, details: { items: [expect.objectContaining({ productId: p.id, requested: "3.000", available: "2.500" })] } });
    const ok = await adjustStock(s.ctx, { productId: p.id, warehouseId: s.wh.id, quantity: "-2.5", reason: "theft_loss" });
    expect(ok).toMatchObject({ onHand: "10.000", reserved: "10.000", available: "0.000" });
    const never = await createProduct(s.company.id);
    await expect(adjustStock(s.ctx, { productId: never.id, warehouseId: s.wh.id, quantity: "-1", reason: "correction" })).rejects.toMatchObject({ code: "insufficient_stock" });
    await expect(adjustStock(s.ctx, { productId: p.id, warehouseId: s.wh.id, quantity: "1", reason: "other" })).rejects.toMatchObject({ code: "validation", fieldErrors: { note: [expect.any(String)] } });
    await expect(adjustStock(s.ctx, { productId: p.id, warehouseId: s.wh.id, quantity: "0", reason: "found" })).rejects.toMatchObject({ fieldErrors: { quantity: [expect.any(String)] } });
    await expect(adjustStock(s.ctx, { productId: p.id, warehouseId: s.wh.id, quantity: "1", reason: "gift" })).rejects.toMatchObject({ fieldErrors: { reason: [expect.any(String)] } });
    const rows = await prisma.stockMovement.findMany({ where: { companyId: s.company.id, kind: "ADJUSTMENT" }, orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.onHandDelta.toFixed(3), r.reason])).toEqual([["12.500", "Found: Behind the rack"], ["-2.500", "Theft / loss"]]);
    expect(await prisma.auditLog.count({ where: { companyId: s.company.id, action: "stock.adjust" } })).toBe(2);
    await expectLedgerMatchesLevels(s.company.id);
  });

  it("permissions: SALES cannot adjust, WAREHOUSE can; another tenant's product is not found", async () => {
    const s = await shop();
    const p = await createProduct(s.company.id);
    const sales = await createStaff(s.company.id, "SALES");
    const warehouse = await createStaff(s.company.id, "WAREHOUSE");
    await expect(adjustStock(ctxFor(sales.actor), { productId: p.id, warehouseId: s.wh.id, quantity: "5", reason: "found" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(createGoodsReceipt(ctxFor(sales.actor), { warehouseId: s.wh.id, receivedDate: "2025-11-24", lines: [{ productId: p.id, quantity: "1" }] })).rejects.toMatchObject({ code: "forbidden" });
    await expect(createWarehouse(ctxFor(sales.actor), { code: "X", name: "X", stateCode: "27" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(listStockLevels(ctxFor(sales.actor))).resolves.toMatchObject({ total: 1 });
    await expect(adjustStock(ctxFor(warehouse.actor), { productId: p.id, warehouseId: s.wh.id, quantity: "5", reason: "found" })).resolves.toMatchObject({ onHand: "5.000" });
    const b = await shop();
    await expect(adjustStock(b.ctx, { productId: p.id, warehouseId: b.wh.id, quantity: "5", reason: "found" })).rejects.toMatchObject({ code: "not_found" });
    await expect(adjustStock(b.ctx, { productId: p.id, warehouseId: s.wh.id, quantity: "5", reason: "found" })).rejects.toMatchObject({ code: "not_found" });
    expect(await level(p.id, s.wh.id)).toEqual({ onHand: "5.000", reserved: "0.000" });
  });
});

describe("transfers", () => {
  it("moves available stock out of one warehouse and into another in one transaction", async () => {
    const s = await shop();
    const nsk = await createWarehouse(s.ctx, { code: "NSK", name: "Nashik depot", stateCode: "27" });
    const a = await createProduct(s.company.id);
    const b = await createProduct(s.company.id);
    await receive(s.ctx, s.wh.id, [{ productId: a.id, quantity: "30" }, { productId: b.id, quantity: "4" }]);
    const trf = await createTransfer(s.ctx, { fromWarehouseId: s.wh.id, toWarehouseId: nsk.id, lines: [{ productId: a.id, quantity: "12" }, { productId: b.id, quantity: "4" }], notes: "Diwali demand" });
    expect(trf).toMatchObject({ number: "TRF/25-26/00001", fromWarehouse: { code: "MAIN" }, toWarehouse: { code: "NSK" } });
    expect(await level(a.id, s.wh.id)).toEqual({ onHand: "18.000", reserved: "0.000" });
    expect(await level(a.id, nsk.id)).toEqual({ onHand: "12.000", reserved: "0.000" });
    expect(await level(b.id, s.wh.id)).toEqual({ onHand: "0.000", reserved: "0.000" });
    const kinds = await prisma.stockMovement.findMany({ where: { refType: "StockTransfer", refId: trf.id }, orderBy: { id: "asc" } });
    expect(kinds.map((m) => m.kind).sort()).toEqual(["TRANSFER_IN", "TRANSFER_IN", "TRANSFER_OUT", "TRANSFER_OUT"]);
    await expectLedgerMatchesLevels(s.company.id);

    await prisma.$transaction((tx) => reserveStock(tx, { companyId: s.company.id, warehouseId: s.wh.id, refType: "Order", refId: "o-1", lines: [{ productId: a.id, quantity: 10 }] }));
    const short = await createTransfer(s.ctx, { fromWarehouseId: s.wh.id, toWarehouseId: nsk.id, lines: [{ productId: b.id, quantity: "1" }, { productId: a.id, quantity: "9" }] }).catch((e) => e);
    expect(short).toMatchObject({ code: "insufficient_stock", fieldErrors: { "lines.0.quantity": ["Only 0 available"], "lines.1.quantity": ["Only 8 available"] } });
    expect(await level(a.id, nsk.id)).toEqual({ onHand: "12.000", reserved: "0.000" });
    expect(await prisma.stockTransfer.count({ where: { companyId: s.company.id } })).toBe(1);
    await expect(createTransfer(s.ctx, { fromWarehouseId: s.wh.id, toWarehouseId: s.wh.id, lines: [{ productId: a.id, quantity: "1" }] })).rejects.toMatchObject({ code: "validation", fieldErrors: { toWarehouseId: [expect.any(String)] } });
    await expect(createTransfer(s.ctx, { fromWarehouseId: s.wh.id, toWarehouseId: nsk.id, lines: [{ productId: a.id, quantity: "1" }, { productId: a.id, quantity: "2" }] })).rejects.toMatchObject({ fieldErrors: { "lines.1.productId": [expect.any(String)] } });
    expect((await createTransfer(s.ctx, { fromWarehouseId: nsk.id, toWarehouseId: s.wh.id, lines: [{ productId: a.id, quantity: "2" }] })).number).toBe("TRF/25-26/00002");
    expect((await listTransfers(s.ctx, { warehouseId: nsk.id })).total).toBe(2);
    await expectLedgerMatchesLevels(s.company.id);

    const other = await shop();
    await expect(getTransferOrThrow(other.ctx, trf.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(createTransfer(other.ctx, { fromWarehouseId: s.wh.id, toWarehouseId: other.wh.id, lines: [{ productId: a.id, quantity: "1" }] })).rejects.toMatchObject({ code: "not_found" });
    expect((await listTransfers(other.ctx)).items).toEqual([]);
  });
});

describe("stock counts", () => {
  it("pre-fills expected, posts differences against the live on hand, and cannot post twice", async () => {
    const s = await shop();
    const a = await createProduct(s.company.id, { name: "A Besan" });
    const b = await createProduct(s.company.id, { name: "B Poha" });
    const c = await createProduct(s.company.id, { name: "C Rava" });
    await createProduct(s.company.id, { name: "D Old stock", active: false });
    await receive(s.ctx, s.wh.id, [{ productId: a.id, quantity: "10" }, { productId: b.id, quantity: "5" }]);
    const count = await createStockCount(s.ctx, { warehouseId: s.wh.id, notes: "Month-end count" });
    expect(count).toMatchObject({ number: "CNT/25-26/00001", status: "DRAFT", lineCount: 3 });
    expect(count.lines.map((l) => [l.product.name, l.expectedQty, l.countedQty])).toEqual([["A Besan", "10.000", null], ["B Poha", "5.000", null], ["C Rava", "0.000", null]]);
    await saveCountLines(s.ctx, count.id, { lines: [{ productId: a.id, countedQty: "8" }, { productId: c.id, countedQty: "2" }] });
    // Stock moves between counting and posting: 3 more A arrive. The shelf still ends at the counted 8.
    await receive(s.ctx, s.wh.id, [{ productId: a.id, quantity: "3" }]);
    const posted = await postStockCount(s.ctx, count.id);
    expect(posted).toMatchObject({ status: "POSTED", postedBy: s.user.name, countedCount: 2 });
    expect(posted.lines.find((l) => l.product.id === a.id)).toMatchObject({ expectedQty: "13.000", countedQty: "8.000", difference: "-5.000" });
    expect(posted.lines.find((l) => l.product.id === b.id)).toMatchObject({ countedQty: null, difference: null });
    expect(await level(a.id, s.wh.id)).toEqual({ onHand: "8.000", reserved: "0.000" });
    expect(await level(b.id, s.wh.id)).toEqual({ onHand: "5.000", reserved: "0.000" });
    expect(await level(c.id, s.wh.id)).toEqual({ onHand: "2.000", reserved: "0.000" });
    const adj = await prisma.stockMovement.findMany({ where: { refType: "StockCount", refId: count.id }, orderBy: { productId: "asc" } });
    expect(adj.map((m) => [m.kind, m.onHandDelta.toFixed(3)]).sort()).toEqual([["ADJUSTMENT", "-5.000"], ["ADJUSTMENT", "2.000"]]);
    await expectLedgerMatchesLevels(s.company.id);

    await expect(postStockCount(s.ctx, count.id)).rejects.toMatchObject({ code: "invalid_transition" });
    await expect(saveCountLines(s.ctx, count.id, { lines: [{ productId: a.id, countedQty: "1" }] })).rejects.toMatchObject({ code: "invalid_transition" });
    await expect(cancelStockCount(s.ctx, count.id)).rejects.toMatchObject({ code: "invalid_transition" });
    expect(await prisma.stockMovement.count({ where: { refType: "StockCount", refId: count.id } })).toBe(2);
  });

  it("two parallel posts of one count post once; chosen products; cancel; nothing counted", async () => {
    const s = await shop();
    const a = await createProduct(s.company.id);
    const b = await createProduct(s.company.id);
    await receive(s.ctx, s.wh.id, [{ productId: a.id, quantity: "10" }]);
    const count = await createStockCount(s.ctx, { warehouseId: s.wh.id, productIds: [a.id] });
    expect(count.lines.map((l) => l.product.id)).toEqual([a.id]);
    await expect(postStockCount(s.ctx, count.id)).rejects.toMatchObject({ code: "validation" });
    await saveCountLines(s.ctx, count.id, { lines: [{ productId: a.id, countedQty: "7" }, { productId: b.id, countedQty: "1" }] });
    const results = await Promise.allSettled([postStockCount(s.ctx, count.id), postStockCount(s.ctx, count.id)]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({ code: "invalid_transition" });
    expect(await level(a.id, s.wh.id)).toEqual({ onHand: "7.000", reserved: "0.000" });
    expect(await level(b.id, s.wh.id)).toEqual({ onHand: "1.000", reserved: "0.000" });
    await expectLedgerMatchesLevels(s.company.id);

    const second = await createStockCount(s.ctx, { warehouseId: s.wh.id, productIds: [b.id] });
    expect(second.number).toBe("CNT/25-26/00002");
    await expect(cancelStockCount(s.ctx, second.id)).resolves.toMatchObject({ status: "CANCELLED" });
    await expect(postStockCount(s.ctx, second.id)).rejects.toMatchObject({ code: "invalid_transition" });
    expect((await listStockCounts(s.ctx, { status: "POSTED" })).items.map((c) => [c.number, c.countedCount, c.differenceCount])).toEqual([["CNT/25-26/00001", 2, 2]]);
  });

  it("a count below what is reserved cannot post; another tenant's count is not found", async () => {
    const s = await shop();
    const a = await createProduct(s.company.id);
    await receive(s.ctx, s.wh.id, [{ productId: a.id, quantity: "10" }]);
    await prisma.$transaction((tx) => reserveStock(tx, { companyId: s.company.id, warehouseId: s.wh.id, refType: "Order", refId: "o-1", lines: [{ productId: a.id, quantity: 6 }] }));
    const count = await createStockCount(s.ctx, { warehouseId: s.wh.id, productIds: [a.id] });
    await saveCountLines(s.ctx, count.id, { lines: [{ productId: a.id, countedQty: "4" }] });
    await expect(postStockCount(s.ctx, count.id)).rejects.toMatchObject({ code: "insufficient_stock", fieldErrors: { "lines.0.countedQty": [expect.any(String)] } });
    expect((await getStockCountOrThrow(s.ctx, count.id)).status).toBe("DRAFT");
    expect(await level(a.id, s.wh.id)).toEqual({ onHand: "10.000", reserved: "6.000" });

    const b = await shop();
    await expect(getStockCountOrThrow(b.ctx, count.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(saveCountLines(b.ctx, count.id, { lines: [{ productId: a.id, countedQty: "1" }] })).rejects.toMatchObject({ code: "not_found" });
    await expect(postStockCount(b.ctx, count.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(cancelStockCount(b.ctx, count.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(createStockCount(b.ctx, { warehouseId: s.wh.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(createStockCount(b.ctx, { warehouseId: b.wh.id, productIds: [a.id] })).rejects.toMatchObject({ code: "not_found" });
    expect((await listStockCounts(b.ctx)).items).toEqual([]);
  });
});

describe("the ledger never lies", () => {
  it("levels equal the sum of the ledger after every kind of movement", async () => {
    const s = await shop();
    const nsk = await createWarehouse(s.ctx, { code: "NSK", name: "Nashik depot", stateCode: "27" });
    // Sold by weight, so the count below can find 9.5 kg.
    const p = await createProduct(s.company.id, { unit: "KGS" });
    const q = await createProduct(s.company.id);
    const co = s.company.id;
    const check = async (expected: number) => expect(await expectLedgerMatchesLevels(co)).toBe(expected);

    await receive(s.ctx, s.wh.id, [{ productId: p.id, quantity: "50" }, { productId: q.id, quantity: "20" }]);
    await check(2);
    await adjustStock(s.ctx, { productId: p.id, warehouseId: s.wh.id, quantity: "4", reason: "found" });
    await check(2);
    await adjustStock(s.ctx, { productId: p.id, warehouseId: s.wh.id, quantity: "-2", reason: "damaged" });
    await check(2);
    await prisma.$transaction((tx) => reserveStock(tx, { companyId: co, warehouseId: s.wh.id, refType: "Order", refId: "A", lines: [{ productId: p.id, quantity: 5 }, { productId: q.id, quantity: 3 }] }));
    await check(2);
    await prisma.$transaction((tx) => reserveStock(tx, { companyId: co, warehouseId: s.wh.id, refType: "Order", refId: "B", lines: [{ productId: p.id, quantity: 7 }] }));
    await prisma.$transaction((tx) => releaseReservation(tx, { companyId: co, refType: "Order", refId: "B", reason: "Order cancelled" }));
    await check(2);
    await prisma.$transaction((tx) => dispatchReservation(tx, { companyId: co, refType: "Order", refId: "A" }));
    await check(2);
    await prisma.$transaction((tx) => returnStock(tx, { companyId: co, warehouseId: s.wh.id, refType: "Order", refId: "A", lines: [{ productId: q.id, quantity: 1 }], reason: "Damaged in transit" }));
    await check(2);
    await createTransfer(s.ctx, { fromWarehouseId: s.wh.id, toWarehouseId: nsk.id, lines: [{ productId: p.id, quantity: "10" }] });
    await check(3);
    const count = await createStockCount(s.ctx, { warehouseId: nsk.id, productIds: [p.id] });
    await saveCountLines(s.ctx, count.id, { lines: [{ productId: p.id, countedQty: "9.5" }] });
    await postStockCount(s.ctx, count.id);
    await check(3);

    expect(await level(p.id, s.wh.id)).toEqual({ onHand: "37.000", reserved: "0.000" }); // 50 + 4 − 2 − 5 − 10
    expect(await level(q.id, s.wh.id)).toEqual({ onHand: "18.000", reserved: "0.000" }); // 20 − 3 + 1
    expect(await level(p.id, nsk.id)).toEqual({ onHand: "9.500", reserved: "0.000" });
    const kinds = await prisma.stockMovement.groupBy({ by: ["kind"], where: { companyId: co } });
    expect(kinds.map((k) => k.kind).sort()).toEqual(["ADJUSTMENT", "DISPATCH", "RECEIPT", "RELEASE", "RESERVATION", "RETURN", "TRANSFER_IN", "TRANSFER_OUT"]);
  });

  it("is append-only: ledger rows cannot be updated or deleted", async () => {
    const s = await shop();
    const p = await createProduct(s.company.id);
    await receive(s.ctx, s.wh.id, [{ productId: p.id, quantity: "5" }]);
    const row = await prisma.stockMovement.findFirstOrThrow({ where: { companyId: s.company.id } });
    await expect(prisma.$executeRaw`UPDATE "StockMovement" SET "onHandDelta" = 500 WHERE id = ${row.id}`).rejects.toThrow(/append-only/);
    await expect(prisma.$executeRaw`DELETE FROM "StockMovement" WHERE id = ${row.id}`).rejects.toThrow(/append-only/);
    // And the level cannot be pushed past its CHECK even by hand.
    await expect(prisma.$executeRaw`UPDATE "StockLevel" SET reserved = 6 WHERE "productId" = ${p.id}`).rejects.toThrow(/StockLevel_quantities_check/);
  });
});

describe("reading stock", () => {
  it("levels with search, warehouse and status filters; the ledger with running balance; low stock; valuation; availability", async () => {
    const s = await shop();
    const nsk = await createWarehouse(s.ctx, { code: "NSK", name: "Nashik depot", stateCode: "27" });
    const besan = await createProduct(s.company.id, { sku: "SGF-BESAN-1KG", name: "Besan 1 kg", reorderLevel: "20", costPrice: "78.00" });
    const poha = await createProduct(s.company.id, { sku: "SGF-POHA-500G", name: "Poha 500 g", reorderLevel: "5", costPrice: null });
    const rava = await createProduct(s.company.id, { sku: "SGF-RAVA-1KG", name: "Rava 1 kg", reorderLevel: "10", costPrice: "40.00" });
    await receive(s.ctx, s.wh.id, [{ productId: besan.id, quantity: "15" }, { productId: poha.id, quantity: "30" }], { updateCostPrice: false });
    await receive(s.ctx, nsk.id, [{ productId: besan.id, quantity: "10" }], { updateCostPrice: false });
    await prisma.$transaction((tx) => reserveStock(tx, { companyId: s.company.id, warehouseId: s.wh.id, refType: "Order", refId: "o-1", lines: [{ productId: besan.id, quantity: 6 }] }));

    const all = await listStockLevels(s.ctx, {});
    expect(all.items.map((r) => [r.product.sku, r.onHand, r.reserved, r.available, r.status])).toEqual([
      ["SGF-BESAN-1KG", "25.000", "6.000", "19.000", "low"],
      ["SGF-POHA-500G", "30.000", "0.000", "30.000", "in_stock"],
      ["SGF-RAVA-1KG", "0.000", "0.000", "0.000", "out"],
    ]);
    expect(all.items[0].warehouses.map((w) => [w.code, w.onHand, w.available])).toEqual([["MAIN", "15.000", "9.000"], ["NSK", "10.000", "10.000"]]);
    expect(all.items[0].value).toBe("1950.00");
    expect((await listStockLevels(s.ctx, { warehouseId: nsk.id })).items.map((r) => [r.product.sku, r.onHand, r.status])).toEqual([["SGF-BESAN-1KG", "10.000", "low"], ["SGF-POHA-500G", "0.000", "out"], ["SGF-RAVA-1KG", "0.000", "out"]]);
    expect((await listStockLevels(s.ctx, { q: "poha" })).items.map((r) => r.product.sku)).toEqual(["SGF-POHA-500G"]);
    expect((await listStockLevels(s.ctx, { status: "out" })).items.map((r) => r.product.sku)).toEqual(["SGF-RAVA-1KG"]);
    expect((await listStockLevels(s.ctx, { sort: "available", dir: "desc", pageSize: 1 })).items.map((r) => r.product.sku)).toEqual(["SGF-POHA-500G"]);
    expect(await inventorySummary(s.ctx)).toMatchObject({ stockValue: "1950.00", lowCount: 1, outCount: 1, unvaluedCount: 1, activeWarehouses: 2, showStockToRetailers: false });

    const ledger = await listMovements(s.ctx, { productId: besan.id, warehouseId: s.wh.id });
    expect(ledger.runningBalance).toBe(true);
    expect(ledger.items.map((m) => [m.kind, m.onHandDelta, m.reservedDelta, m.onHandAfter, m.reservedAfter])).toEqual([
      ["RESERVATION", "0.000", "6.000", "15.000", "6.000"],
      ["RECEIPT", "15.000", "0.000", "15.000", "0.000"],
    ]);
    expect(ledger.items[1]).toMatchObject({ user: { name: s.user.name }, reference: { type: "GoodsReceipt", label: "GRN/25-26/00001", href: expect.stringMatching(/^\/inventory\/receipts\//) } });
    expect(ledger.items[0].reference).toMatchObject({ type: "Order", href: "/orders/o-1" });
    expect((await listMovements(s.ctx, { productId: besan.id })).items.map((m) => m.warehouse.code)).toEqual(["MAIN", "NSK", "MAIN"]);
    expect((await listMovements(s.ctx, { kind: "RESERVATION" })).total).toBe(1);

    const low = await listLowStock(s.ctx);
    expect(low.items.map((r) => [r.product.sku, r.available, r.reorderLevel, r.shortfall, r.status])).toEqual([
      ["SGF-RAVA-1KG", "0.000", "10.000", "10.000", "out"],
      ["SGF-BESAN-1KG", "19.000", "20.000", "1.000", "low"],
    ]);

    const value = await stockValuation(s.ctx);
    expect(value.totals).toEqual({ value: "1950.00", productsValued: 1, productsWithoutCost: 1 });
    expect(value.items.map((r) => [r.product.sku, r.onHand, r.costPrice, r.value])).toEqual([["SGF-BESAN-1KG", "25.000", "78.00", "1950.00"], ["SGF-POHA-500G", "30.000", null, null]]);
    expect(value.warehouses.map((w) => [w.code, w.value, w.productsWithoutCost])).toEqual([["MAIN", "1170.00", 1], ["NSK", "780.00", 0]]);
    expect((await stockValuation(s.ctx, { warehouseId: nsk.id })).totals.value).toBe("780.00");

    const avail = await getAvailability(prisma, { companyId: s.company.id, productIds: [besan.id, poha.id, rava.id] });
    expect(Object.fromEntries(avail)).toEqual({
      [besan.id]: { onHand: "25.000", reserved: "6.000", available: "19.000" },
      [poha.id]: { onHand: "30.000", reserved: "0.000", available: "30.000" },
      [rava.id]: { onHand: "0.000", reserved: "0.000", available: "0.000" },
    });
    expect((await getAvailability(prisma, { companyId: s.company.id, productIds: [besan.id], warehouseId: nsk.id })).get(besan.id)?.available).toBe("10.000");
    // Another company's ids read as zeros, never their stock.
    const b = await shop();
    expect((await getAvailability(prisma, { companyId: b.company.id, productIds: [besan.id] })).get(besan.id)?.onHand).toBe("0.000");
    expect((await listStockLevels(b.ctx)).total).toBe(0);
    expect((await listMovements(b.ctx, { productId: besan.id })).total).toBe(0);
    expect((await listLowStock(b.ctx)).total).toBe(0);
    expect((await stockValuation(b.ctx)).totals.value).toBe("0.00");
  });

  it("valuation ranks products by value as a number, not as text", async () => {
    const s = await shop();
    const small = await createProduct(s.company.id, { costPrice: "19.50" });
    const big = await createProduct(s.company.id, { costPrice: "2000.00" });
    await receive(s.ctx, s.wh.id, [{ productId: small.id, quantity: "100" }, { productId: big.id, quantity: "5" }], { updateCostPrice: false });
    const v = await stockValuation(s.ctx);
    expect(v.items.map((r) => r.value)).toEqual(["10000.00", "1950.00"]);
    expect(v.totals.value).toBe("11950.00");
  });

  it("showing exact stock to retailers needs company.write", async () => {
    const s = await shop();
    await expect(setShowStockToRetailers(s.ctx, true)).resolves.toEqual({ showStockToRetailers: true });
    expect((await prisma.company.findUniqueOrThrow({ where: { id: s.company.id } })).showStockToRetailers).toBe(true);
    const wh = await createStaff(s.company.id, "WAREHOUSE");
    await expect(setShowStockToRetailers(ctxFor(wh.actor), false)).rejects.toMatchObject({ code: "forbidden" });
    expect(await prisma.auditLog.count({ where: { companyId: s.company.id, action: "company.show_stock_to_retailers" } })).toBe(1);
  });
});

describe("REST /api/v1 stock and warehouses", () => {
  async function api(role: Parameters<typeof tenant>[0] = "OWNER") {
    const s = await shop(role);
    return { ...s, token: (await issueTokenPair(prisma, s.actor)).accessToken };
  }

  it("receipts honour Idempotency-Key; lists page with cursors; another tenant gets 404", async () => {
    const s = await api();
    const p = await createProduct(s.company.id);
    const body = { warehouseId: s.wh.id, receivedDate: "2025-11-20", supplierName: "Annapurna Mills", lines: [{ productId: p.id, quantity: "5", unitCost: "80" }] };
    const first = await call(receiptsRoute.POST, { method: "POST", path: "/api/v1/stock/receipts", token: s.token, body, headers: { "idempotency-key": "grn-1" } });
    expect(first.status).toBe(201);
    expect(first.json.number).toMatch(/^GRN\/\d{2}-\d{2}\/00001$/);
    const replay = await call(receiptsRoute.POST, { method: "POST", path: "/api/v1/stock/receipts", token: s.token, body, headers: { "idempotency-key": "grn-1" } });
    expect(replay.status).toBe(201);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(replay.json.id).toBe(first.json.id);
    expect((await call(receiptsRoute.POST, { method: "POST", path: "/api/v1/stock/receipts", token: s.token, body: { ...body, supplierName: "Other" }, headers: { "idempotency-key": "grn-1" } })).status).toBe(422);
    expect(await prisma.goodsReceipt.count({ where: { companyId: s.company.id } })).toBe(1);
    await call(receiptsRoute.POST, { method: "POST", path: "/api/v1/stock/receipts", token: s.token, body });

    const page1 = await call(receiptsRoute.GET, { path: "/api/v1/stock/receipts?limit=1", token: s.token });
    expect(page1.json).toMatchObject({ total: 2, nextCursor: expect.any(String), data: [expect.objectContaining({ number: expect.stringMatching(/00002$/) })] });
    const page2 = await call(receiptsRoute.GET, { path: `/api/v1/stock/receipts?limit=1&cursor=${page1.json.nextCursor}`, token: s.token });
    expect(page2.json).toMatchObject({ nextCursor: null, data: [expect.objectContaining({ number: expect.stringMatching(/00001$/) })] });

    const stock = await call(stockRoute.GET, { path: "/api/v1/stock?q=" + encodeURIComponent(p.sku), token: s.token });
    expect(stock.json.data).toEqual([expect.objectContaining({ onHand: "10.000", status: "in_stock" })]);
    const ledger = await call(movementsRoute.GET, { path: `/api/v1/stock/movements?productId=${p.id}&warehouseId=${s.wh.id}`, token: s.token });
    expect(ledger.json).toMatchObject({ runningBalance: true, total: 2, data: [expect.objectContaining({ onHandAfter: "10.000" }), expect.objectContaining({ onHandAfter: "5.000" })] });

    const b = await api();
    const theirs = await call(receiptRoute.GET, { path: `/api/v1/stock/receipts/${first.json.id}`, token: b.token, params: { id: first.json.id } });
    expect(theirs.status).toBe(404);
    expect(theirs.json.code).toBe("not_found");
    expect((await call(warehouseRoute.GET, { token: b.token, params: { id: s.wh.id } })).status).toBe(404);
    expect((await call(warehouseRoute.PATCH, { method: "PATCH", token: b.token, params: { id: s.wh.id }, body: { name: "x" } })).status).toBe(404);
    expect((await call(warehouseActionRoute.POST, { method: "POST", token: b.token, params: { id: s.wh.id, action: "deactivate" } })).status).toBe(404);
    expect((await call(receiptsRoute.GET, { path: "/api/v1/stock/receipts", token: b.token })).json.total).toBe(0);
  });

  it("problems: insufficient_stock is 409 naming the product; SALES is 403; count lifecycle over REST", async () => {
    const s = await api();
    const p = await createProduct(s.company.id);
    await stockUp(s.company.id, p.id, s.wh.id, 2);
    const short = await call(adjustmentsRoute.POST, { method: "POST", token: s.token, body: { productId: p.id, warehouseId: s.wh.id, quantity: "-3", reason: "damaged" } });
    expect(short.status).toBe(409);
    expect(short.headers.get("content-type")).toBe("application/problem+json");
    expect(short.json).toMatchObject({ code: "insufficient_stock", items: [expect.objectContaining({ productId: p.id, available: "2.000", requested: "3.000" })], errors: { quantity: [expect.any(String)] } });
    const sales = await createStaff(s.company.id, "SALES");
    const salesToken = (await issueTokenPair(prisma, sales.actor)).accessToken;
    expect((await call(adjustmentsRoute.POST, { method: "POST", token: salesToken, body: { productId: p.id, warehouseId: s.wh.id, quantity: "1", reason: "found" } })).status).toBe(403);
    expect((await call(stockRoute.GET, { token: salesToken, path: "/api/v1/stock" })).status).toBe(200);

    const created = await call(countsRoute.POST, { method: "POST", token: s.token, body: { warehouseId: s.wh.id, productIds: [p.id] } });
    expect(created.status).toBe(201);
    const id = created.json.id;
    expect((await call(countLinesRoute.PUT, { method: "PUT", token: s.token, params: { id }, body: { lines: [{ productId: p.id, countedQty: "3" }] } })).json.lines[0]).toMatchObject({ countedQty: "3.000", difference: "1.000" });
    expect((await call(countPostRoute.POST, { method: "POST", token: s.token, params: { id } })).json.status).toBe("POSTED");
    expect((await call(countPostRoute.POST, { method: "POST", token: s.token, params: { id } })).json.code).toBe("invalid_transition");
    expect((await call(countCancelRoute.POST, { method: "POST", token: s.token, params: { id } })).status).toBe(409);
    expect(await level(p.id, s.wh.id)).toEqual({ onHand: "3.000", reserved: "0.000" });
    const b = await api();
    expect((await call(countRoute.GET, { token: b.token, params: { id } })).status).toBe(404);
    expect((await call(countPostRoute.POST, { method: "POST", token: b.token, params: { id } })).status).toBe(404);

    const low = await call(lowRoute.GET, { path: "/api/v1/stock/low", token: s.token });
    expect(low.status).toBe(200);
    const valuation = await call(valuationRoute.GET, { path: "/api/v1/stock/valuation", token: s.token });
    expect(valuation.json).toMatchObject({ totals: { value: "234.00" }, data: [expect.objectContaining({ onHand: "3.000", value: "234.00" })] });
    const wh = await call(warehousesRoute.POST, { method: "POST", token: s.token, body: { code: "blr", name: "Bengaluru depot", stateCode: "29", pincode: "560058" } });
    expect(wh.json).toMatchObject({ code: "BLR", stateName: "Karnataka", isDefault: false });
    const trf = await call(transfersRoute.POST, { method: "POST", token: s.token, body: { fromWarehouseId: s.wh.id, toWarehouseId: wh.json.id, lines: [{ productId: p.id, quantity: "1" }] } });
    expect(trf.status).toBe(201);
    expect((await call(transferRoute.GET, { token: s.token, params: { id: trf.json.id } })).json.lines).toHaveLength(1);
    expect((await call(warehousesRoute.GET, { path: "/api/v1/warehouses", token: s.token })).json.total).toBe(2);
    expect((await call(settingsRoute.PATCH, { method: "PATCH", token: s.token, body: { showStockToRetailers: true } })).json).toEqual({ showStockToRetailers: true });
    expect((await call(settingsRoute.PATCH, { method: "PATCH", token: s.token, body: { showStockToRetailers: "yes" } })).status).toBe(400);
  });

  it("the OpenAPI document lists the inventory operations", async () => {
    const doc = (await call(openapi.GET, {})).json;
    for (const path of ["/api/v1/warehouses", "/api/v1/stock", "/api/v1/stock/movements", "/api/v1/stock/receipts", "/api/v1/stock/adjustments", "/api/v1/stock/transfers", "/api/v1/stock/counts/{id}/post", "/api/v1/stock/low", "/api/v1/stock/valuation"]) {
      expect(doc.paths[path], path).toBeDefined();
    }
    expect(doc.paths["/api/v1/stock/receipts"].post.requestBody.content["application/json"].schema.properties.lines).toBeDefined();
  });
});

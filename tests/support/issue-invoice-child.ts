// Issues a real tax invoice through the billing domain functions (a vendor, a retailer, an order
// taken to packed, then invoiced) against DATABASE_URL, prints what it committed as one JSON
// line, and exits. tests/integration/durability.test.ts runs it against its own embedded PostgreSQL
// and kills that server the moment the line arrives:
//   DATABASE_URL=... node --conditions=react-server --import tsx tests/support/issue-invoice-child.ts
import { invoiceOrder } from "@/lib/billing/invoice-order";
import { disconnect } from "@/lib/db/client";
import { orderIn, orderShop, stockedProduct } from "./order-factories";

const shop = await orderShop();
const product = await stockedProduct(shop, 10, { hsnCode: "84713010" });
const order = await orderIn(shop, "PACKED", product.id, 3);
const invoice = await invoiceOrder(shop.staff, order.id);
process.stdout.write(`${JSON.stringify({ invoiceId: invoice.id, number: invoice.number, grandTotal: invoice.totals.grandTotal, companyId: shop.co })}\n`);
await disconnect().catch(() => {});
process.exit(0);

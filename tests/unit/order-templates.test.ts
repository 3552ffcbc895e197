import { describe, expect, it } from "vitest";
import { orderMessage, type OrderMessageInput } from "@/lib/integrations/messaging/order-templates";

const base: OrderMessageInput = {
  kind: "placed",
  audience: "retailer",
  vendor: { name: "Shree Ganesh Agro Foods Pvt. Ltd.", logoUrl: "https://erp.example/api/v1/vendors/SGAF/logo?v=1" },
  retailerName: "Sharma Kirana",
  order: { id: "ord1", number: "SO/26-27/000042", grandTotal: "123456.5", creditHold: false, holdReason: null, cancelReason: null, receivedBy: null },
  actorName: "Ganesh Kulkarni",
  note: null,
};

describe("order message templates", () => {
  it("tell the retailer with the vendor's name, logo, order number, ₹ total and a portal link", () => {
    const m = orderMessage(base);
    expect(m.title).toBe("Order SO/26-27/000042 placed");
    expect(m.subject).toBe("Shree Ganesh Agro Foods Pvt. Ltd.: Order SO/26-27/000042 placed");
    expect(m.link).toBe("/portal/orders/ord1");
    expect(m.text).toContain("₹1,23,456.50");
    expect(m.text).toMatch(/View the order: https?:\/\/[^ ]+\/portal\/orders\/ord1/);
    expect(m.html).toContain('<img src="https://erp.example/api/v1/vendors/SGAF/logo?v=1"');
    // A name ending in "Ltd." closes the sentence with one full stop.
    expect(m.body).toBe("Your order SO/26-27/000042 for ₹1,23,456.50 has been placed with Shree Ganesh Agro Foods Pvt. Ltd.");
    expect(m.sms.startsWith("Shree Ganesh Agro Foods Pvt. Ltd.: Your order")).toBe(true);
  });

  it("tell staff who did what, with a dashboard link, a credit-hold warning and the cancel reason", () => {
    const held = orderMessage({ ...base, audience: "staff", order: { ...base.order, creditHold: true, holdReason: "Over credit limit" } });
    expect(held.title).toBe("New order SO/26-27/000042 from Sharma Kirana");
    expect(held.link).toBe("/orders/ord1");
    expect(held.body).toContain("On credit hold");
    expect(held.text).toContain("Over credit limit");
    const cancelled = orderMessage({ ...base, kind: "cancelled", audience: "staff", order: { ...base.order, cancelReason: "Shop closed for Diwali" } });
    expect(cancelled.body).toBe("Order SO/26-27/000042 from Sharma Kirana (₹1,23,456.50) was cancelled by Ganesh Kulkarni. Reason: Shop closed for Diwali");
    const delivered = orderMessage({ ...base, kind: "delivered", order: { ...base.order, receivedBy: "Ramesh" } });
    expect(delivered.body).toContain("received by Ramesh");
  });

  it("escape names in the HTML and show the name alone without a logo", () => {
    const m = orderMessage({ ...base, vendor: { name: 'A&B <Traders> "Co"', logoUrl: null }, retailerName: "<script>x</script>" , audience: "staff" });
    expect(m.html).not.toContain("<img");
    expect(m.html).toContain("A&amp;B &lt;Traders&gt; &quot;Co&quot;");
    expect(m.html).not.toContain("<script>");
    expect(m.html).toContain("&lt;script&gt;x&lt;/script&gt;");
  });
});

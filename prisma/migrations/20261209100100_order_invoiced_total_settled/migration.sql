-- An order's invoicedTotal is now the value its live invoices cover before round-off, or its whole value once
-- nothing is left to invoice (lib/orders/invoiced-total.ts); orders invoiced before were credited with the
-- rounded totals, which left paise "open" against the retailer's credit limit. Recomputed once here.
UPDATE "Order" o SET "invoicedTotal" = CASE
  WHEN NOT EXISTS (SELECT 1 FROM "OrderLine" l WHERE l."orderId" = o.id AND l."invoicedQty" + l."returnedQty" < l.quantity)
    THEN GREATEST(o."grandTotal" - o."returnedTotal", 0)
  ELSE coalesce((SELECT sum(i."grandTotal" - i."roundOff") FROM "Invoice" i
                 WHERE i."orderId" = o.id AND i."companyId" = o."companyId" AND i.type = 'INVOICE' AND i.status = 'ISSUED'), 0)
  END
WHERE o."invoicedTotal" <> 0 OR EXISTS (SELECT 1 FROM "Invoice" i WHERE i."orderId" = o.id);

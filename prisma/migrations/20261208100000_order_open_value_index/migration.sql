-- What a retailer's open orders are worth, for the credit check at placing (lib/orders/place-order-sql.ts):
-- the orders that still owe (placed and not cancelled, not fully invoiced or returned) of one connection,
-- summed from the index alone. Without it the sum reads every such order's heap row; a retailer with
-- thousands of uninvoiced orders made that the longest statement of placing, under the connection lock.
CREATE INDEX IF NOT EXISTS "Order_open_value_idx" ON "Order" ("companyId", "connectionId") INCLUDE ("grandTotal", "returnedTotal", "invoicedTotal", id)
  WHERE status IN ('PLACED', 'CONFIRMED', 'PACKED', 'DISPATCHED', 'DELIVERED', 'RETURNED') AND "grandTotal" - "returnedTotal" - "invoicedTotal" > 0;

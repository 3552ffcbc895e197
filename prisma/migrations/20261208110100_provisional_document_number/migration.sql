-- GST document numbers are taken by the last statement of the issuing transaction
-- (lib/inventory/assign-number-last.ts): the document is written under a provisional number
-- ("Z-" and 14 capitals or digits, which no series/year/number can look like) and that statement
-- gives it its real number. The immutability of issued documents keeps holding for everything else:
-- the number may change only away from a provisional one, to a real one, and nothing else with it.
CREATE OR REPLACE FUNCTION "invoice_issued_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  numbering boolean := OLD."number" ~ '^Z-[A-Z0-9]{14}$' AND NEW."number" !~ '^Z-[A-Z0-9]{14}$';
BEGIN
  IF (OLD."companyId", OLD."type", CASE WHEN numbering THEN NULL ELSE OLD."number" END, OLD."series", OLD."financialYear", OLD."issueDate", OLD."dueDate",
      OLD."connectionId", OLD."retailerId", OLD."orderId", OLD."originalInvoiceId", OLD."noteReason", OLD."supplyType",
      OLD."reverseCharge", OLD."taxType", OLD."supplierStateCode", OLD."placeOfSupply", OLD."sellerGstin", OLD."seller",
      OLD."buyerGstin", OLD."buyerName", OLD."buyer", OLD."shipTo", OLD."buyerReference", OLD."notes",
      OLD."taxableTotal", OLD."discountTotal", OLD."cgstTotal", OLD."sgstTotal", OLD."igstTotal", OLD."cessTotal",
      OLD."roundOff", OLD."grandTotal")
     IS DISTINCT FROM
     (NEW."companyId", NEW."type", CASE WHEN numbering THEN NULL ELSE NEW."number" END, NEW."series", NEW."financialYear", NEW."issueDate", NEW."dueDate",
      NEW."connectionId", NEW."retailerId", NEW."orderId", NEW."originalInvoiceId", NEW."noteReason", NEW."supplyType",
      NEW."reverseCharge", NEW."taxType", NEW."supplierStateCode", NEW."placeOfSupply", NEW."sellerGstin", NEW."seller",
      NEW."buyerGstin", NEW."buyerName", NEW."buyer", NEW."shipTo", NEW."buyerReference", NEW."notes",
      NEW."taxableTotal", NEW."discountTotal", NEW."cgstTotal", NEW."sgstTotal", NEW."igstTotal", NEW."cessTotal",
      NEW."roundOff", NEW."grandTotal") THEN
    RAISE EXCEPTION 'document % is issued and cannot be changed; issue a credit or debit note', OLD."number"
      USING ERRCODE = 'restrict_violation';
  END IF;
  IF OLD."status" = 'CANCELLED' AND NEW."status" <> 'CANCELLED' THEN
    RAISE EXCEPTION 'document % is cancelled and cannot be reinstated', OLD."number" USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NEW;
END $$;

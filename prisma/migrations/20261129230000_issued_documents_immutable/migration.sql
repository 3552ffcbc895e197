-- An issued invoice, credit note or debit note never changes: corrections are new documents (notes).
-- The application already only touches what may move after issue (settled amount, e-invoice and e-way
-- bill fields, cancellation); these triggers make the database refuse anything else, whoever writes.

CREATE FUNCTION "invoice_issued_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (OLD."companyId", OLD."type", OLD."number", OLD."series", OLD."financialYear", OLD."issueDate", OLD."dueDate",
      OLD."connectionId", OLD."retailerId", OLD."orderId", OLD."originalInvoiceId", OLD."noteReason", OLD."supplyType",
      OLD."reverseCharge", OLD."taxType", OLD."supplierStateCode", OLD."placeOfSupply", OLD."sellerGstin", OLD."seller",
      OLD."buyerGstin", OLD."buyerName", OLD."buyer", OLD."shipTo", OLD."buyerReference", OLD."notes",
      OLD."taxableTotal", OLD."discountTotal", OLD."cgstTotal", OLD."sgstTotal", OLD."igstTotal", OLD."cessTotal",
      OLD."roundOff", OLD."grandTotal")
     IS DISTINCT FROM
     (NEW."companyId", NEW."type", NEW."number", NEW."series", NEW."financialYear", NEW."issueDate", NEW."dueDate",
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

CREATE TRIGGER "Invoice_issued_immutable" BEFORE UPDATE ON "Invoice"
  FOR EACH ROW EXECUTE FUNCTION "invoice_issued_immutable"();

CREATE FUNCTION "invoice_line_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the lines of an issued document cannot be changed; issue a credit or debit note'
    USING ERRCODE = 'restrict_violation';
END $$;

CREATE TRIGGER "InvoiceLine_immutable" BEFORE UPDATE ON "InvoiceLine"
  FOR EACH ROW EXECUTE FUNCTION "invoice_line_immutable"();

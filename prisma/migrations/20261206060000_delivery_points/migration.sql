-- A vendor's own delivery pin and receiving hours per retailer (connection). They win over the
-- retailer's shop pin and hours (Retailer.latitude/longitude/receiving*), which the retailer sets.
ALTER TABLE "Connection" ADD COLUMN "deliveryLatitude" DECIMAL(9,6),
    ADD COLUMN "deliveryLongitude" DECIMAL(9,6),
    ADD COLUMN "receivingFromMin" SMALLINT,
    ADD COLUMN "receivingToMin" SMALLINT,
    ADD CONSTRAINT "Connection_delivery_position_check" CHECK (("deliveryLatitude" IS NULL) = ("deliveryLongitude" IS NULL) AND ("deliveryLatitude" IS NULL OR ("deliveryLatitude" BETWEEN -90 AND 90 AND "deliveryLongitude" BETWEEN -180 AND 180))),
    ADD CONSTRAINT "Connection_receiving_check" CHECK (("receivingFromMin" IS NULL) = ("receivingToMin" IS NULL) AND ("receivingFromMin" IS NULL OR ("receivingFromMin" >= 0 AND "receivingToMin" <= 1440 AND "receivingFromMin" < "receivingToMin")));

// The frozen consignor / consignee of a delivery challan (DeliveryChallan.consignor / consignee JSON).
export type ChallanParty = {
  name: string;
  gstin: string | null;
  address1: string;
  address2: string | null;
  city: string;
  stateCode: string;
  pincode: string;
};

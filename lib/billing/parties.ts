// Seller, buyer and ship-to as printed on a GST document, frozen into the document's JSON columns
// at issue time: a later change to the company or the retailer never rewrites an old invoice.
// Every reader of Invoice.seller / buyer / shipTo (views, PDF, IRP JSON, e-way bill) uses these types.
import type { Company, Connection, Retailer } from "@/lib/generated/prisma/client";

export type BankDetails = { bankName: string | null; accountName: string | null; accountNumber: string | null; ifsc: string | null; branch: string | null; upiId: string | null };

export type PartyAddress = { address1: string; address2: string | null; city: string; stateCode: string; pincode: string };

export type SellerSnapshot = PartyAddress & {
  legalName: string;
  tradeName: string | null;
  gstin: string | null;
  pan: string | null;
  email: string | null;
  phone: string | null;
  /** Where the goods leave from, when it is not the registered address (IRP DispDtls, e-way bill "from"). */
  dispatchFrom: PartyAddress | null;
  bank: BankDetails | null;
};

export type BuyerSnapshot = PartyAddress & {
  legalName: string;
  tradeName: string | null;
  /** null for an unregistered buyer (printed and reported as "URP"). */
  gstin: string | null;
  email: string | null;
  phone: string | null;
  customerCode: string | null;
};

export type ShipToSnapshot = PartyAddress & { name: string };

/** The company columns a seller block is made of (the whole row, or one statement's selection of it). */
export const SELLER_COLUMNS = [
  "legalName", "tradeName", "gstin", "pan", "addressLine1", "addressLine2", "city", "stateCode", "pincode", "email", "phone",
  "dispatchLine1", "dispatchLine2", "dispatchCity", "dispatchStateCode", "dispatchPincode",
  "bankName", "bankAccountName", "bankAccountNumber", "bankIfsc", "bankBranch", "upiId",
] as const satisfies readonly (keyof Company)[];
export type SellerSource = Pick<Company, (typeof SELLER_COLUMNS)[number]>;

/** The retailer columns a buyer block is made of. */
export const BUYER_COLUMNS = ["legalName", "tradeName", "gstin", "addressLine1", "addressLine2", "city", "stateCode", "pincode", "email", "phone"] as const satisfies readonly (keyof Retailer)[];
export type BuyerSource = Pick<Retailer, (typeof BUYER_COLUMNS)[number]>;

export function sellerSnapshot(company: SellerSource): SellerSnapshot {
  const hasBank = company.bankAccountNumber || company.upiId;
  const hasDispatch = company.dispatchLine1 && company.dispatchCity && company.dispatchStateCode && company.dispatchPincode;
  return {
    legalName: company.legalName,
    tradeName: company.tradeName,
    gstin: company.gstin,
    pan: company.pan,
    address1: company.addressLine1,
    address2: company.addressLine2,
    city: company.city,
    stateCode: company.stateCode,
    pincode: company.pincode,
    email: company.email,
    phone: company.phone,
    dispatchFrom: hasDispatch
      ? { address1: company.dispatchLine1!, address2: company.dispatchLine2, city: company.dispatchCity!, stateCode: company.dispatchStateCode!, pincode: company.dispatchPincode! }
      : null,
    bank: hasBank
      ? { bankName: company.bankName, accountName: company.bankAccountName, accountNumber: company.bankAccountNumber, ifsc: company.bankIfsc, branch: company.bankBranch, upiId: company.upiId }
      : null,
  };
}

export function buyerSnapshot(retailer: BuyerSource, connection: Pick<Connection, "customerCode">): BuyerSnapshot {
  return {
    legalName: retailer.legalName,
    tradeName: retailer.tradeName,
    gstin: retailer.gstin,
    address1: retailer.addressLine1,
    address2: retailer.addressLine2,
    city: retailer.city,
    stateCode: retailer.stateCode,
    pincode: retailer.pincode,
    email: retailer.email,
    phone: retailer.phone,
    customerCode: connection.customerCode,
  };
}

/** The ship-to block, or null when the goods go to the buyer's own address. */
export function shipToSnapshot(buyer: BuyerSnapshot, shipTo: ShipToSnapshot | null): ShipToSnapshot | null {
  if (!shipTo) return null;
  const same = shipTo.address1 === buyer.address1 && shipTo.city === buyer.city && shipTo.pincode === buyer.pincode && shipTo.stateCode === buyer.stateCode;
  return same ? null : shipTo;
}

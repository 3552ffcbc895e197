// OpenAPI operations of the acting company's profile and logo.
import { updateCompanyInput } from "@/lib/company/company.schemas";
import { mediaTypes, type Operation } from "@/lib/http/openapi-operation";
import { bool, dateTime, nullableStr, object, str } from "@/lib/http/openapi-schemas";

const companyView = object(
  {
    id: str,
    code: { type: "string", description: "Short public code retailers find the vendor by" },
    legalName: str,
    tradeName: nullableStr,
    gstin: nullableStr,
    pan: nullableStr,
    stateCode: { type: "string", description: "GST state code of the principal place of business" },
    stateName: nullableStr,
    addressLine1: str,
    addressLine2: nullableStr,
    city: str,
    pincode: str,
    dispatchLine1: { ...nullableStr, description: "Dispatch-from address, when it is not the principal place" },
    dispatchLine2: nullableStr,
    dispatchCity: nullableStr,
    dispatchStateCode: nullableStr,
    dispatchPincode: nullableStr,
    email: nullableStr,
    phone: nullableStr,
    website: nullableStr,
    bankName: nullableStr,
    bankAccountName: nullableStr,
    bankAccountNumber: nullableStr,
    bankIfsc: nullableStr,
    bankBranch: nullableStr,
    upiId: nullableStr,
    showStockToRetailers: { ...bool, description: "Retailers see exact available quantities (else in stock / low / out)" },
    creditPolicy: { enum: ["BLOCK", "HOLD"], description: "An order over a retailer's credit limit is refused (BLOCK) or held for a manager (HOLD)" },
    logoUrl: { ...nullableStr, description: "GET serves the logo; null when there is none" },
    createdAt: dateTime,
    updatedAt: dateTime,
  },
  { title: "Company" },
);

export const companyOperations: Operation[] = [
  { method: "get", path: "/company", tag: "Company", summary: "The acting company's profile", auth: true, response: { status: 200, description: "Company", schema: companyView } },
  { method: "patch", path: "/company", tag: "Company", summary: "Update the company profile", description: "GSTIN is checked with its check digit; the state follows the GSTIN.", auth: true, body: updateCompanyInput, response: { status: 200, description: "Updated company", schema: companyView } },
  { method: "get", path: "/company/logo", tag: "Company", summary: "The company logo image", auth: true, response: { status: 200, description: "The logo, as uploaded (re-encoded)", files: mediaTypes.images } },
  {
    method: "put",
    path: "/company/logo",
    tag: "Company",
    summary: "Upload the company logo",
    description: "Send the image bytes as the body with Content-Type image/png, image/jpeg or image/webp; at most 512 KB. The image is decoded and re-encoded (a WebP becomes PNG, so invoice PDFs can print it; metadata is dropped; at most 1024 px a side); a file that does not decode as its type is refused.",
    auth: true,
    rawBody: mediaTypes.images,
    response: { status: 200, description: "The new logo URL", schema: object({ logoUrl: str }) },
  },
  { method: "delete", path: "/company/logo", tag: "Company", summary: "Remove the company logo", auth: true, response: { status: 204, description: "Removed" } },
];

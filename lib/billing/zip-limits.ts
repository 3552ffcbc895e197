// Limits of the invoice PDF ZIP (GET /api/v1/invoices/pdfs), shared by the domain function and its OpenAPI text.
/** Rows a person can pick on the list and send as `ids`. */
export const MAX_ZIP_IDS = 1000;
/** Documents in one ZIP from the filters: a busy month of a large distributor; narrower filters beyond. */
export const MAX_ZIP_DOCUMENTS = 5000;

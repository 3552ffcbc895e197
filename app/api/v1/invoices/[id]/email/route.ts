// POST /api/v1/invoices/{id}/email — e-mail the invoice or note (PDF attached) to the retailer again
import { emailInvoiceAgain } from "@/lib/billing/email-invoice-again";
import { apiRoute, Reply } from "@/lib/http/route";

export const POST = apiRoute(async ({ ctx, params }) => new Reply(202, await emailInvoiceAgain(ctx, params.id)));

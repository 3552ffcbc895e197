// What each queue's job does. Handlers are idempotent (pg-boss delivers at least once): they key
// their writes on dedupe keys or claim rows before acting, so a retry or a second run changes nothing.
// A handler throws to fail the attempt; pg-boss retries with backoff and, after the queue's
// retryLimit, moves the job to the dead-letter list (lib/jobs/dead-letter.ts).
import { runPasswordCodeJob } from "@/lib/auth/password-reset";
import { cancelEInvoiceAtIrp } from "@/lib/billing/einvoice/cancel-einvoice-at-irp";
import { submitEInvoice } from "@/lib/billing/einvoice/submit-einvoice";
import { emailInvoice } from "@/lib/billing/email-invoice";
import { applyWebhookEvent } from "@/lib/billing/gateway/apply-webhook-event";
import { cancelDisabledAccountLinks } from "@/lib/billing/gateway/cancel-disabled-account-links";
import { syncGatewayPayment } from "@/lib/billing/gateway/gateway-callback";
import { reconcileGatewayAccounts } from "@/lib/billing/gateway/reconcile-gateway-accounts";
import { deliverSandboxWebhook } from "@/lib/billing/gateway/sandbox-checkout";
import { renderInvoicePdfJob } from "@/lib/billing/render-invoice-pdf-job";
// Registers the "invoice-pdf" mail attachment renderer used by deliverEmail.
import "@/lib/billing/pdf/attachments";
import { deliverEmail } from "@/lib/integrations/messaging/send-email";
import { sendSms } from "@/lib/integrations/messaging/sms";
import type { JobData, JobInfo, QueueName } from "@/lib/jobs/queues";
import { notifyOrderEvent } from "@/lib/notifications/notify-order-event";
import { pruneExpiredRecords } from "@/lib/jobs/prune";
import { runScheduledBackup } from "@/lib/jobs/database-backup";
import { expireEwayBills } from "@/lib/logistics/ewaybills/expire-eway-bills";
import { runEwayBillOperation } from "@/lib/logistics/ewaybills/run-ewaybill-operation";
import { runFleetReminders } from "@/lib/logistics/fleet/reminders";
import { runBookingJob } from "@/lib/logistics/shipping/book";
import { runCancelBookingJob } from "@/lib/logistics/shipping/cancel-booking";
import { pollPartnerTracking } from "@/lib/logistics/shipping/tracking";

export const handlers: { [Q in QueueName]: (data: JobData[Q], job: JobInfo) => Promise<unknown> } = {
  "email-deliver": ({ emailId }, job) => deliverEmail(emailId, { finalAttempt: job.finalAttempt }),
  "order-notify": ({ eventId }) => notifyOrderEvent(eventId),
  "invoice-email": ({ invoiceId }) => emailInvoice(invoiceId),
  "invoice-pdf": (data) => renderInvoicePdfJob(data),
  "einvoice-generate": ({ invoiceId }, job) => submitEInvoice(invoiceId, job),
  "einvoice-cancel": ({ invoiceId }, job) => cancelEInvoiceAtIrp(invoiceId, job),
  "password-reset-code": (data, job) => runPasswordCodeJob(data, job),
  "gateway-event-apply": ({ eventId }, job) => applyWebhookEvent(eventId, job),
  "gateway-sandbox-deliver": (data) => deliverSandboxWebhook(data),
  "gateway-payment-sync": (data) => syncGatewayPayment(data),
  "gateway-account-disabled": (data) => cancelDisabledAccountLinks(data),
  "pay-link-sms": (data) => sendSms({ ...data, event: "pay_link.sent" }),
  "gateway-reconcile": () => reconcileGatewayAccounts(),
  "maintenance-prune": () => pruneExpiredRecords(),
  "database-backup": () => runScheduledBackup(),
  "ewaybill-operation": ({ operationId }, job) => runEwayBillOperation(operationId, job),
  "ewaybill-expire": () => expireEwayBills(),
  "fleet-document-reminders": () => runFleetReminders(),
  "shipping-book": ({ bookingId }, job) => runBookingJob(bookingId, job),
  "shipping-cancel": ({ bookingId }, job) => runCancelBookingJob(bookingId, job),
  "shipping-track-poll": () => pollPartnerTracking(),
};

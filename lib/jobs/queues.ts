// Every background queue, with its retry policy. A job that fails `retryLimit` times moves to the
// dead-letter queue, which the dashboard lists (Settings → Background jobs) for a person to look at.
import type { Queue } from "pg-boss";

export const DEAD_LETTER_QUEUE = "dead-letter";

type QueueOptions = Omit<Queue, "name">;

// A worker refreshes the heartbeat of the jobs it runs every 15 s; a job whose worker was killed misses
// it and is retried by whichever worker is left within heartbeat + JOBS_SUPERVISE_SECONDS, instead of
// waiting out its expireInSeconds (up to hours for the nightly jobs).
const HEARTBEAT = { heartbeatSeconds: 30 } as const;

const withRetries: QueueOptions = { retryLimit: 5, retryDelay: 5, retryBackoff: true, retryDelayMax: 600, expireInSeconds: 120, deadLetter: DEAD_LETTER_QUEUE, ...HEARTBEAT };

export const queues = {
  /** Deliver one EmailMessage row (written in the business transaction). Data: { emailId }. Fetched 8 at a time (lib/jobs/worker.ts BATCHED), each bounded at 30 s: 300 s covers a batch. */
  "email-deliver": { ...withRetries, expireInSeconds: 300 },
  /** Fan an order event out to its recipients: in-app, email, SMS, push. Data: { eventId }. */
  "order-notify": withRetries,
  /** Mail an issued invoice or note to the retailer with its PDF. Data: { invoiceId }. */
  "invoice-email": withRetries,
  /** Render an issued (or just cancelled) document's PDF into the document storage, unless the stored one is current. Data: { invoiceId, companyId }. */
  "invoice-pdf": { ...withRetries, expireInSeconds: 300 },
  /** Report an issued document to the IRP (e-invoice): IRN, ack, signed QR. Data: { invoiceId }. */
  "einvoice-generate": { ...withRetries, retryLimit: 8, retryDelayMax: 1800 },
  /** Cancel a document's IRN at the IRP (within 24 hours of its ack). Data: { invoiceId }. */
  "einvoice-cancel": { ...withRetries, retryLimit: 8, retryDelayMax: 1800 },
  /** Look a user up by email and mail a password-reset code (none for an unknown email). Data: { email, purpose }. */
  "password-reset-code": withRetries,
  /** Apply one stored payment-gateway webhook event (re-fetch, state machine, receipt). Data: { eventId } (WebhookEvent.id). */
  "gateway-event-apply": { ...withRetries, retryLimit: 8, retryDelayMax: 1800 },
  /** The payer's browser came back (callback): fetch and apply that payment now, as a webhook would. Data: { accountId, linkId, paymentId }. */
  "gateway-payment-sync": { ...withRetries, retryLimit: 3 },
  /** A gateway account was disabled: cancel its open pay links at the gateway and here. Data: { accountId }. */
  "gateway-account-disabled": withRetries,
  /** The local gateway sandbox posting one signed webhook to the app's own route. Data: { accountId, eventId, body }. */
  "gateway-sandbox-deliver": withRetries,
  /** Text a pay link to the retailer (queued with the send's audit row); once per dedupe key through MessageLog. Data: { dedupeKey, to, body, companyId }. */
  "pay-link-sms": withRetries,
  /** Send one queued e-way bill operation (generate, Part B, transporter, extend, cancel) to the e-way bill system. Data: { operationId }. */
  "ewaybill-operation": { ...withRetries, retryLimit: 8, retryDelayMax: 1800 },
  /** Daily (scheduled): generated e-way bills past their validity become EXPIRED. No data. */
  "ewaybill-expire": { retryLimit: 2, retryDelay: 300, expireInSeconds: 600, deadLetter: DEAD_LETTER_QUEUE, ...HEARTBEAT },
  /** Nightly (scheduled): every active gateway account's payments of the last days, applied again to repair lost webhooks. No data. */
  "gateway-reconcile": { retryLimit: 2, retryDelay: 300, expireInSeconds: 1800, deadLetter: DEAD_LETTER_QUEUE, ...HEARTBEAT },
  /** Hourly housekeeping (scheduled): expired idempotency keys and rate-limit windows. No data. */
  "maintenance-prune": { retryLimit: 2, retryDelay: 60, expireInSeconds: 600, deadLetter: DEAD_LETTER_QUEUE, ...HEARTBEAT },
  /** Daily (scheduled): a backup of the database into BACKUP_DIR, then old backups pruned. No data. */
  "database-backup": { retryLimit: 2, retryDelay: 900, expireInSeconds: 3 * 3600, deadLetter: DEAD_LETTER_QUEUE, ...HEARTBEAT },
  /** Daily (scheduled): in-app reminders 30/7/1 days before and on the expiry of vehicle documents and driving licences. No data. */
  "fleet-document-reminders": { retryLimit: 3, retryDelay: 300, expireInSeconds: 900, deadLetter: DEAD_LETTER_QUEUE, ...HEARTBEAT },
  /** Book one shipment with its shipping partner (order, AWB, pickup, label); the final failure marks the booking FAILED. Data: { bookingId }. */
  "shipping-book": { ...withRetries, retryLimit: 6, retryDelayMax: 1800 },
  /** Cancel one partner booking at the partner (before pickup); a refusal puts the booking back to BOOKED. Data: { bookingId }. */
  "shipping-cancel": { ...withRetries, retryLimit: 6, retryDelayMax: 1800 },
  /** Every 30 minutes (scheduled): tracking of open partner shipments of accounts without recent webhooks. No data. */
  "shipping-track-poll": { retryLimit: 1, retryDelay: 300, expireInSeconds: 1500, deadLetter: DEAD_LETTER_QUEUE, ...HEARTBEAT },
} satisfies Record<string, QueueOptions>;

export type QueueName = keyof typeof queues;

/** What each queue's job carries. */
export type JobData = {
  "email-deliver": { emailId: string };
  "order-notify": { eventId: string };
  "invoice-email": { invoiceId: string };
  "invoice-pdf": { invoiceId: string; companyId: string };
  "einvoice-generate": { invoiceId: string };
  "einvoice-cancel": { invoiceId: string };
  "password-reset-code": { email: string; purpose: "reset" | "invite"; companyName?: string };
  "gateway-event-apply": { eventId: string };
  "gateway-sandbox-deliver": { accountId: string; eventId: string; body: string };
  "gateway-payment-sync": { accountId: string; linkId: string | null; paymentId: string | null };
  "gateway-account-disabled": { accountId: string };
  "pay-link-sms": { dedupeKey: string; to: string; body: string; companyId: string };
  "gateway-reconcile": Record<string, never>;
  "ewaybill-operation": { operationId: string };
  "ewaybill-expire": Record<string, never>;
  "maintenance-prune": Record<string, never>;
  "database-backup": Record<string, never>;
  "fleet-document-reminders": Record<string, never>;
  "shipping-book": { bookingId: string };
  "shipping-cancel": { bookingId: string };
  "shipping-track-poll": Record<string, never>;
};

/** What a handler learns about the job it runs (retries, for handlers that act differently on the last try). */
export type JobInfo = {
  id: string;
  retryCount: number;
  retryLimit: number;
  /** No retry follows if this attempt fails. */
  finalAttempt: boolean;
};

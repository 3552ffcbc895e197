// OpenAPI operations for /api/v1 routes of this domain: the notification centre, email
// subscriptions, failed background jobs, and the public vendor logo the mails show.
import { mediaTypes, type Operation } from "@/lib/http/openapi-operation";
import { listNotificationsInput, setSubscriptionInput } from "@/lib/notifications/notifications.schemas";

const notificationView = {
  title: "Notification",
  type: "object",
  properties: {
    id: { type: "string" },
    event: { type: "string", description: "order.placed, order.confirmed, order.dispatched, order.delivered or order.cancelled" },
    title: { type: "string" },
    body: { type: "string" },
    link: { type: ["string", "null"], description: "App path of the thing it is about, e.g. /portal/orders/{id}" },
    read: { type: "boolean" },
    readAt: { type: ["string", "null"], format: "date-time" },
    createdAt: { type: "string", format: "date-time" },
  },
};

const notificationPage = {
  type: "object",
  properties: {
    data: { type: "array", items: notificationView },
    nextCursor: { type: ["string", "null"], description: "Pass as cursor for the next (older) page" },
    unreadCount: { type: "integer", description: "All unread notifications of the user, for the bell" },
  },
};

const subscriptionList = {
  type: "object",
  properties: {
    data: {
      type: "array",
      items: { type: "object", properties: { event: { type: "string" }, label: { type: "string" }, description: { type: "string" }, email: { type: "boolean" } } },
    },
  },
};

const failedJobList = {
  type: "object",
  properties: {
    data: {
      type: "array",
      items: {
        type: "object",
        properties: {
          id: { type: "string", format: "uuid" },
          queue: { type: "string", description: "The queue it failed on: email-deliver or order-notify" },
          queueLabel: { type: "string" },
          description: { type: "string", description: "What the job was about" },
          lastError: { type: ["string", "null"] },
          attempts: { type: "integer" },
          failedAt: { type: "string", format: "date-time" },
          queuedAt: { type: ["string", "null"], format: "date-time" },
        },
      },
    },
  },
};

export const notificationsOperations: Operation[] = [
  {
    method: "get",
    path: "/notifications",
    tag: "Notifications",
    summary: "My notifications, newest first, with the unread count",
    description: "Staff see those of the company they act for; retailer users those of their business. Keyset pages: pass nextCursor back as cursor.",
    auth: true,
    query: listNotificationsInput,
    response: { status: 200, description: "A page of notifications", schema: notificationPage },
  },
  { method: "post", path: "/notifications/{id}/read", tag: "Notifications", summary: "Mark one of my notifications read", description: "Someone else's notification is 404.", auth: true, response: { status: 200, description: "The notification", schema: notificationView } },
  { method: "post", path: "/notifications/read-all", tag: "Notifications", summary: "Mark all my notifications read", auth: true, response: { status: 200, description: "How many were marked", schema: { type: "object", properties: { marked: { type: "integer" } } } } },
  { method: "get", path: "/notification-subscriptions", tag: "Notifications", summary: "Staff: my email subscriptions to order events", description: "One entry per order event; email is false until switched on.", auth: true, response: { status: 200, description: "Subscriptions", schema: subscriptionList } },
  { method: "put", path: "/notification-subscriptions", tag: "Notifications", summary: "Staff: switch the email for one order event on or off", auth: true, body: setSubscriptionInput, response: { status: 200, description: "All my subscriptions", schema: subscriptionList } },
  {
    method: "get",
    path: "/jobs/failed",
    tag: "Background jobs",
    summary: "Background jobs of the company that failed every retry (dead letter)",
    description: "Owners, admins and accountants (audit.read or company.write). Jobs leave the list when retried, or after 30 days.",
    auth: true,
    response: { status: 200, description: "Failed jobs, newest first", schema: failedJobList },
  },
  { method: "post", path: "/jobs/failed/{id}/retry", tag: "Background jobs", summary: "Send a failed job back to its queue with fresh retries", description: "A failed mail is queued again first. A job already retried is 404.", auth: true, response: { status: 200, description: "The job, queued again", schema: { type: "object", properties: { id: { type: "string", format: "uuid" }, queue: { type: "string" } } } } },
  { method: "get", path: "/vendors/{code}/logo", tag: "Company", summary: "A vendor's logo by its public code (public, used in mails)", response: { status: 200, description: "The logo", files: mediaTypes.images } },
];

// OpenAPI operations of signing in and out, the acting user and their sessions.
import { z } from "zod";
import { changePasswordInput, refreshRequest, sessionView, tokenRequest, tokenResponse } from "@/lib/auth/auth.schemas";
import { requestResetInput, resetPasswordInput } from "@/lib/auth/password-reset";
import type { Operation } from "@/lib/http/openapi-operation";
import { str } from "@/lib/http/openapi-schemas";

const roles = ["OWNER", "ADMIN", "MANAGER", "SALES", "WAREHOUSE", "ACCOUNTANT", "DRIVER"];
const sessionId = { type: "string", description: "The session this request was checked against (absent when none)" };
const actor = {
  title: "Actor",
  description: "Who the token or session acts as: vendor staff (with the company and role) or a retailer user",
  oneOf: [
    {
      type: "object",
      required: ["kind", "userId", "email", "name", "companyId", "role", "companies"],
      properties: {
        kind: { const: "staff" },
        userId: str,
        email: str,
        name: str,
        companyId: { type: "string", description: "The company acted for" },
        role: { enum: roles },
        sessionId,
        companies: { type: "array", description: "Companies the user can switch to (POST /auth/token with companyId)", items: { type: "object", properties: { id: str, name: str, code: str, role: { enum: roles } } } },
      },
    },
    {
      type: "object",
      required: ["kind", "userId", "email", "name", "retailerId", "companies"],
      properties: { kind: { const: "retailer" }, userId: str, email: str, name: str, retailerId: str, sessionId, companies: { type: "array", maxItems: 0, description: "Always empty for a retailer" } },
    },
  ],
};

const tokenPair = tokenResponse.meta({ title: "TokenPair" });
const ended = z.object({ endedSessions: z.number().int().describe("Sessions and API sign-ins that ended") });

export const authOperations: Operation[] = [
  { method: "post", path: "/auth/token", tag: "Auth", summary: "Sign in: email + password → access and refresh tokens", description: "Failed attempts slow down per account and client address (429 with Retry-After: 2 s after the 5th failure, doubling to 15 minutes), per address across accounts, and after 100 failures on one account from anywhere a password alone is refused with 403 `reset_required` until the password is reset with an emailed code.", body: tokenRequest, response: { status: 200, description: "Token pair", schema: tokenPair } },
  { method: "post", path: "/auth/refresh", tag: "Auth", summary: "Rotate a refresh token", description: "Each refresh token works once. Presenting a spent one revokes every token of that sign-in.", body: refreshRequest, response: { status: 200, description: "New token pair", schema: tokenPair } },
  { method: "post", path: "/auth/logout", tag: "Auth", summary: "Revoke the refresh token and its family", body: refreshRequest, response: { status: 204, description: "Signed out" } },
  { method: "post", path: "/auth/password-reset/request", tag: "Auth", summary: "Email a 6-digit password reset code", description: "Always answers 202 with the same message, whether or not the email exists (the code is made and mailed by a background job). Rate-limited per email and per client address (429 with Retry-After).", body: requestResetInput, response: { status: 202, description: "Accepted", schema: z.object({ message: z.string().describe("The same words for every email") }) } },
  { method: "post", path: "/auth/password-reset/confirm", tag: "Auth", summary: "Set a new password with the emailed code", description: "Codes expire after 10 minutes and allow 5 attempts. Every failure (unknown email, no code, wrong, used or expired code, too many attempts) gets the same 400 answer. Every session and token of the user ends.", body: resetPasswordInput, response: { status: 200, description: "Password changed", schema: z.object({ ok: z.literal(true) }) } },
  { method: "post", path: "/auth/logout-everywhere", tag: "Auth", summary: "End every session and token of the acting user", description: "Every browser session and API sign-in of this user ends at once, this one included.", auth: true, response: { status: 200, description: "How many sessions ended", schema: ended } },
  { method: "get", path: "/me", tag: "Auth", summary: "The acting user and the companies they can switch to", auth: true, response: { status: 200, description: "Actor", schema: actor } },
  { method: "post", path: "/me/password", tag: "Auth", summary: "Change my password", description: "Needs the current password. Every other session and API token of this user ends at once; this one stays.", auth: true, body: changePasswordInput, response: { status: 200, description: "Changed", schema: ended } },
  { method: "get", path: "/me/sessions", tag: "Auth", summary: "Where I am signed in", auth: true, response: { status: 200, description: "Live sessions, newest first", schema: z.object({ data: z.array(sessionView) }) } },
  { method: "delete", path: "/me/sessions/{id}", tag: "Auth", summary: "End one of my sessions", auth: true, response: { status: 204, description: "Ended" } },
];

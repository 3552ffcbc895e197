// Mail templates: plain text first (it is what the outbox shows), with a simple HTML twin.
import { appUrl } from "@/lib/env";
import type { Email } from "./send-email";

export function html(title: string, paragraphs: string[], cta?: { href: string; label: string }) {
  const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
  const body = paragraphs.map((p) => `<p style="margin:0 0 12px">${esc(p)}</p>`).join("");
  const button = cta
    ? `<p><a href="${esc(cta.href)}" style="display:inline-block;background:#4338ca;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">${esc(cta.label)}</a></p>`
    : "";
  return `<div style="font-family:system-ui,sans-serif;font-size:14px;color:#0f172a;max-width:560px"><h2 style="font-size:18px">${esc(title)}</h2>${body}${button}</div>`;
}

export function passwordResetEmail(p: { to: string; name: string; code: string; purpose: "reset" | "invite"; companyName?: string }): Email {
  const link = `${appUrl()}/reset-password?email=${encodeURIComponent(p.to)}`;
  const invite = p.purpose === "invite";
  const subject = invite ? `You have been added to ${p.companyName ?? "a company"} on Vendor ERP` : `Your Vendor ERP password reset code: ${p.code}`;
  const lines = invite
    ? [
        `Hello ${p.name},`,
        `${p.companyName ?? "A company"} has added you to its team on Vendor ERP.`,
        `Set your password with this code: ${p.code} (valid for 10 minutes) at ${link}`,
        `If the code has expired, use "Forgot password" on the sign-in page to get a new one.`,
      ]
    : [
        `Hello ${p.name},`,
        `Your password reset code is ${p.code}. It is valid for 10 minutes.`,
        `Enter it at ${link}`,
        `If you did not ask for this, ignore this email: your password stays as it is.`,
      ];
  return {
    to: p.to,
    subject,
    text: lines.join("\n\n"),
    html: html(subject, lines, { href: link, label: invite ? "Set your password" : "Reset password" }),
    template: invite ? "employee_invite" : "password_reset",
  };
}

export function addedToCompanyEmail(p: { to: string; name: string; companyName: string; role: string; companyId: string }): Email {
  const subject = `You now have access to ${p.companyName} on Vendor ERP`;
  const lines = [`Hello ${p.name},`, `${p.companyName} has added you as ${p.role}.`, `Sign in and pick ${p.companyName} from the company switcher: ${appUrl()}/login`];
  return { to: p.to, subject, text: lines.join("\n\n"), html: html(subject, lines, { href: `${appUrl()}/login`, label: "Sign in" }), template: "employee_added", companyId: p.companyId };
}

"use server";
// Doors for the LOCAL PAYMENT SANDBOX's hosted pay page. Like a gateway's own page it needs no sign-in:
// the link id (14 random characters) is the capability. It only ever acts on sandbox links.
import { revalidatePath } from "next/cache";
import { paySandboxLink, settleSandboxPayment } from "@/lib/billing/gateway/sandbox-checkout";
import { paySandboxOrder } from "@/lib/billing/gateway/sandbox-order-checkout";
import { prisma } from "@/lib/db/client";
import { actionError } from "@/lib/http/action";

export async function paySandboxAction(linkId: string, input: unknown) {
  try {
    const res = await paySandboxLink(String(linkId), input);
    revalidatePath(`/sandbox-gateway/pay/${linkId}`);
    return { ok: true as const, data: res };
  } catch (err) {
    return actionError(err, crypto.randomUUID());
  }
}

export async function settleSandboxAction(linkId: string, paymentId: string, to: "authorized" | "captured") {
  try {
    const payment = await prisma.gatewaySandboxPayment.findFirst({ where: { id: String(paymentId), linkId: String(linkId) }, select: { id: true } });
    if (!payment) return { ok: false as const, error: "No such payment on this link", code: "not_found" };
    await settleSandboxPayment(payment.id, to === "captured" ? "captured" : "authorized");
    revalidatePath(`/sandbox-gateway/pay/${linkId}`);
    return { ok: true as const, data: null };
  } catch (err) {
    return actionError(err, crypto.randomUUID());
  }
}

/** The sandbox checkout (standing in for checkout.js): pays the order it was opened with. */
export async function paySandboxOrderAction(keyId: string, orderId: string, input: unknown) {
  try {
    return { ok: true as const, data: await paySandboxOrder(String(keyId), String(orderId), input) };
  } catch (err) {
    return actionError(err, crypto.randomUUID());
  }
}

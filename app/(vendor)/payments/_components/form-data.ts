import "server-only";
// What the receipt and refund forms start from: the retailer choices and, when one is chosen
// (?retailer=<connection id>), its receivable account.
import type { StaffActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getReceivableAccount, type ReceivableAccount } from "@/lib/billing/get-receivable-account";
import { makeCtx } from "@/lib/ctx";
import { AppError } from "@/lib/errors";
import { listRetailers } from "@/lib/network/connections";
import { istDay } from "@/lib/pricing/dates";
import { one, type SearchParams } from "@/lib/search-params";

export async function paymentFormData(actor: StaffActor, searchParams: SearchParams) {
  const sp = await searchParams;
  const ctx = makeCtx(actor);
  const retailerId = one(sp.retailer);
  const [retailers, account] = await Promise.all([
    can(actor, "retailers.read") ? listRetailers(ctx, { status: "all", sort: "name", pageSize: 100 }).then((r) => r.items) : Promise.resolve([]),
    retailerId ? getReceivableAccount(ctx, retailerId).catch((e: unknown) => (e instanceof AppError && e.code === "not_found" ? null : Promise.reject(e))) : Promise.resolve<ReceivableAccount | null>(null),
  ]);
  const options = retailers.map((r) => ({ value: r.id, label: `${r.retailer?.tradeName ?? r.retailer?.legalName ?? r.id}${r.customerCode ? ` (${r.customerCode})` : ""}` }));
  if (account && !options.some((o) => o.value === account.connectionId)) options.unshift({ value: account.connectionId, label: account.retailer.name });
  return { options, account, today: istDay(ctx.now()) };
}

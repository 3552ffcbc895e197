// A process that dies the hard way right after a business transaction commits: it places an order
// (whose transaction also inserts the "order-notify" job), prints what it did, and SIGKILLs itself
// before any worker could run the job. tests/integration/jobs.test.ts runs it as a child process:
//   CRASH_INPUT='{"actor":{...},"vendorCode":"...","productId":"...","quantity":"2"}' DATABASE_URL=... \
//   node --conditions=react-server --import tsx tests/support/crash-after-commit.ts
import type { Actor } from "@/lib/auth/actor";
import { makeCtx } from "@/lib/ctx";
import { placeOrder } from "@/lib/orders/place-order";

const input = JSON.parse(process.env.CRASH_INPUT ?? "{}") as { actor: Actor; vendorCode: string; productId: string; quantity: string };
const order = await placeOrder(makeCtx(input.actor), { vendorCode: input.vendorCode, lines: [{ productId: input.productId, quantity: input.quantity }] }, { source: "PORTAL" });
process.stdout.write(`${JSON.stringify({ orderId: order.id, number: order.number })}\n`, () => process.kill(process.pid, "SIGKILL"));

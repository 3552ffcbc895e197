"use client";
// The buttons of the actions the signed-in person can take on this order now (the server decides
// which: OrderView.availableActions). Each opens a dialog with what the step needs.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Dialog } from "@/components/form/dialog";
import { Button, type ButtonProps } from "@/components/ui/button";
import type { OrderStatus } from "@/lib/generated/prisma/enums";
import type { OrderAction } from "@/lib/orders/state-machine";
import { CancelForm, DeliverForm, NoteForm, ReturnForm, type ReturnLine } from "./action-forms";

export type ActionOrder = { id: string; number: string; status: OrderStatus; actions: OrderAction[]; lines: ReturnLine[] };

const buttons: Partial<Record<OrderAction, { label: string; variant: ButtonProps["variant"]; className?: string }>> = {
  place: { label: "Place order", variant: "primary" },
  confirm: { label: "Confirm order", variant: "primary" },
  pack: { label: "Mark packed", variant: "primary" },
  dispatch: { label: "Dispatch", variant: "primary" },
  deliver: { label: "Mark delivered", variant: "primary" },
  return: { label: "Record return", variant: "secondary" },
  cancel: { label: "Cancel order", variant: "ghost", className: "text-danger-700 hover:bg-danger-50 hover:text-danger-800" },
};

/** Rare actions last, the step forward first. */
const order: OrderAction[] = ["cancel", "return", "place", "confirm", "pack", "dispatch", "deliver"];

export function OrderActions({ order: o }: { order: ActionOrder }) {
  const router = useRouter();
  const [open, setOpen] = useState<OrderAction | null>(null);
  const shown = order.filter((a) => o.actions.includes(a) && buttons[a]);
  if (shown.length === 0) return null;
  const close = () => setOpen(null);
  const done = () => {
    setOpen(null);
    // Back to the plain order URL: a "placed" banner from before would be stale now.
    router.replace(`/orders/${o.id}`, { scroll: false });
    router.refresh();
  };
  return (
    <>
      {shown.map((a) => (
        <Button key={a} variant={buttons[a]!.variant} className={buttons[a]!.className} onClick={() => setOpen(a)}>
          {buttons[a]!.label}
        </Button>
      ))}
      <Dialog open={open === "place"} onClose={close} title={`Place ${o.number}?`} description="The lines are priced again at today's prices, the stock is reserved and the retailer's credit limit is checked. The retailer is notified.">
        <NoteForm orderId={o.id} action="place" submitLabel="Place order" onDone={done} onCancel={close} withNote={false} />
      </Dialog>
      <Dialog open={open === "confirm"} onClose={close} title={`Confirm ${o.number}?`} description="You accept the order; the retailer is notified and the warehouse can start packing.">
        <NoteForm orderId={o.id} action="confirm" submitLabel="Confirm order" onDone={done} onCancel={close} />
      </Dialog>
      <Dialog open={open === "pack"} onClose={close} title={`Mark ${o.number} packed?`} description="Every line is picked and packed, ready to dispatch. The stock stays reserved until dispatch.">
        <NoteForm orderId={o.id} action="pack" submitLabel="Mark packed" onDone={done} onCancel={close} />
      </Dialog>
      <Dialog open={open === "dispatch"} onClose={close} title={`Dispatch ${o.number}`} description="The goods leave the warehouse: the reserved stock goes out of the ledger and the retailer is notified.">
        <NoteForm orderId={o.id} action="dispatch" submitLabel="Dispatch" onDone={done} onCancel={close} withVehicle />
      </Dialog>
      <Dialog open={open === "deliver"} onClose={close} title={`Delivery of ${o.number}`} description="Proof of delivery: who received the goods and when, with a photo of the signed challan if you have one.">
        <DeliverForm orderId={o.id} onDone={done} onCancel={close} />
      </Dialog>
      <Dialog open={open === "cancel"} onClose={close} title={`Cancel ${o.number}?`} description={o.status === "DRAFT" ? "The draft is closed." : "The reserved stock is released and the retailer is notified. This cannot be undone."}>
        <CancelForm orderId={o.id} onDone={done} onCancel={close} />
      </Dialog>
      <Dialog open={open === "return"} onClose={close} title={`Goods returned on ${o.number}`} description="Enter what came back per line; the stock goes back into the order's warehouse.">
        <ReturnForm orderId={o.id} lines={o.lines} onDone={done} onCancel={close} />
      </Dialog>
    </>
  );
}

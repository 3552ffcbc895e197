"use client";
// "Send to retailer" on a pay link: e-mail to the retailer's users and a short SMS, once per link per
// day (a second press the same day says when it was sent and sends nothing).
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { formatDateTime } from "@/lib/format";
import { sendPayLinkAction } from "../pay-link-actions";

export function SendPayLinkButton({ payLinkId, sentAt, path }: { payLinkId: string; sentAt: string | null; path: string }) {
  const [pending, start] = useTransition();
  const [note, setNote] = useState<{ tone: "ok" | "error"; text: string } | null>(sentAt ? { tone: "ok", text: `Sent ${formatDateTime(sentAt)}` } : null);
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <Button
        size="sm"
        variant="secondary"
        loading={pending}
        onClick={() =>
          start(async () => {
            const res = await sendPayLinkAction(payLinkId, path);
            if (!res.ok) return setNote({ tone: "error", text: res.error });
            const to = [...res.data.emailedTo, ...(res.data.smsTo ? [`SMS ${res.data.smsTo}`] : [])].join(", ");
            setNote({ tone: "ok", text: res.data.alreadySent ? `Already sent today at ${formatDateTime(res.data.sentAt)} (to ${to})` : `Sent to ${to}` });
          })
        }
      >
        Send to retailer
      </Button>
      {note && (
        <span role={note.tone === "error" ? "alert" : "status"} className={note.tone === "error" ? "text-xs text-danger-700" : "text-xs text-slate-500"}>
          {note.text}
        </span>
      )}
    </span>
  );
}

"use client";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { replayWebhookEventAction } from "../actions";

export function ReplayButton({ eventId }: { eventId: string }) {
  const [pending, start] = useTransition();
  const [note, setNote] = useState<string | null>(null);
  return (
    <span className="inline-flex items-center gap-2">
      <Button size="sm" variant="secondary" loading={pending} onClick={() => start(async () => setNote((await replayWebhookEventAction(eventId)).ok ? "Queued" : "Could not replay"))}>
        Replay
      </Button>
      {note && <span className="text-xs text-slate-500">{note}</span>}
    </span>
  );
}

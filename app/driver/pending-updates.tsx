"use client";
// "2 updates waiting to be sent" with a Send now button; sends by itself when the phone is back online.
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { flushQueue, queuedCount } from "./update-queue";

export function PendingUpdates() {
  const router = useRouter();
  const [n, setN] = useState(0);
  useEffect(() => {
    const refresh = () => setN(queuedCount());
    const online = async () => {
      if (await flushQueue()) router.refresh();
      refresh();
    };
    refresh();
    void online();
    window.addEventListener("online", online);
    window.addEventListener("driver-queue", refresh);
    return () => {
      window.removeEventListener("online", online);
      window.removeEventListener("driver-queue", refresh);
    };
  }, [router]);
  if (n === 0) return null;
  return (
    <div role="status" className="mb-4 flex items-center justify-between gap-3 rounded-lg border border-warning-200 bg-warning-50 px-4 py-3 text-sm text-warning-800">
      <span>
        {n} update{n === 1 ? "" : "s"} waiting to be sent
      </span>
      <button className="font-medium underline" onClick={async () => (await flushQueue()) && router.refresh()}>
        Send now
      </button>
    </div>
  );
}

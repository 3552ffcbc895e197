import type { Metadata } from "next";
import { NotePage } from "../../_components/note-page";

export const metadata: Metadata = { title: "Credit note" };

export default function CreditNotePage({ params }: { params: Promise<{ id: string }> }) {
  return <NotePage kind="credit" params={params} />;
}

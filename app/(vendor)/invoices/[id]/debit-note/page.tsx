import type { Metadata } from "next";
import { NotePage } from "../../_components/note-page";

export const metadata: Metadata = { title: "Debit note" };

export default function DebitNotePage({ params }: { params: Promise<{ id: string }> }) {
  return <NotePage kind="debit" params={params} />;
}

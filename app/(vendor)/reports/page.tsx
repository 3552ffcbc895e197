import { redirect } from "next/navigation";

// The reports section opens on GST returns, the one report built so far.
export default function ReportsPage() {
  redirect("/reports/gst");
}

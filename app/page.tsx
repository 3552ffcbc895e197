import { redirect } from "next/navigation";
import { actorFromSession } from "@/lib/auth/session";

// "/" sends each kind of user to their home.
export default async function Home() {
  const actor = await actorFromSession();
  if (!actor) redirect("/login");
  redirect(actor.kind === "retailer" ? "/portal" : "/dashboard");
}

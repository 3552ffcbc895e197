import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { notFound } from "next/navigation";
import { BrandMark } from "@/components/shell/brand";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { outboxEnabled } from "@/lib/dev/outbox-access";

export const metadata: Metadata = { title: "Open the mail outbox" };
export const dynamic = "force-dynamic";

// The outbox holds password-reset codes and invitation links: only whoever started the demo (and so
// has its terminal, where the key is printed) may read it.
export default async function UnlockOutboxPage({ searchParams }: { searchParams: Promise<{ wrong?: string }> }) {
  if (!outboxEnabled()) notFound();
  const { wrong } = await searchParams;
  return (
    <main className="mx-auto max-w-md px-4 py-10 sm:px-6">
      <Link href="/" aria-label="Vendor ERP home">
        <BrandMark />
      </Link>
      <h1 className="mt-6 text-xl font-semibold tracking-tight text-slate-900">Open the demo mail outbox</h1>
      <p className="mt-1 text-sm text-slate-600">
        Demo mail (password codes, invitations, order updates) is kept here instead of being sent. Open the outbox link that{" "}
        <code className="font-mono text-xs">npm run demo</code> printed in its terminal, or paste the key from that link below.
      </p>
      <Card className="mt-5">
        <CardBody>
          <form method="post" action="/dev/outbox-key" className="space-y-4">
            {wrong ? <Alert tone="danger" title="That key is not right." /> : null}
            <Field id="outbox-key" label="Outbox key" hint="Also in the file .data/outbox-key of the demo's folder.">
              <Input name="key" type="password" autoComplete="off" required />
            </Field>
            <Button type="submit">Open the outbox</Button>
          </form>
        </CardBody>
      </Card>
    </main>
  );
}

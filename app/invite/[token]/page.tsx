import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import type { ReactNode } from "react";
import { BrandMark } from "@/components/shell/brand";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import { getInvitationByToken } from "@/lib/network/accept-invitation";
import { AcceptForm } from "./accept-form";

export const metadata: Metadata = { title: "Accept invitation", robots: { index: false } };

export default async function AcceptInvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  let inv: Awaited<ReturnType<typeof getInvitationByToken>> | null = null;
  try {
    inv = await getInvitationByToken(prisma, decodeURIComponent(token));
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
  }

  if (!inv) {
    return (
      <Frame>
        <h1 className="text-xl font-semibold tracking-tight text-slate-900">This invitation link is not valid</h1>
        <p className="mt-2 text-sm text-slate-600">
          The link may be incomplete, or the vendor sent a newer one (each new email replaces the old link). Ask the vendor to send the invitation again.
        </p>
        <Link href="/login" className={buttonClasses({ variant: "secondary", className: "mt-6" })}>
          Go to sign in
        </Link>
      </Frame>
    );
  }

  const heading = (
    <>
      <h1 className="text-xl font-semibold tracking-tight text-slate-900 sm:text-2xl">{inv.vendorName} invites you to order on Vendor ERP</h1>
      <p className="mt-2 text-sm text-slate-600">
        {inv.vendorCity ? `${inv.vendorName}, ${inv.vendorCity}, ` : `${inv.vendorName} `}
        sent this invitation to <span className="font-medium text-slate-900">{inv.email}</span>.
      </p>
    </>
  );

  if (inv.state !== "pending") {
    const msg = {
      expired: {
        title: "This invitation has expired",
        body: `It was valid until ${formatDate(inv.expiresAt)}. Ask ${inv.vendorName} to resend it — you will get a new link by email.`,
        tone: "warning" as const,
      },
      accepted: { title: "This invitation was already accepted", body: "Sign in with this email to see your vendors and place orders.", tone: "info" as const },
      revoked: { title: "This invitation was withdrawn", body: `${inv.vendorName} cancelled this invitation. Contact them if you still want to order from them.`, tone: "neutral" as const },
    }[inv.state];
    return (
      <Frame>
        {heading}
        <Alert tone={msg.tone} title={msg.title} className="mt-6">
          {msg.body}
        </Alert>
        {inv.state === "accepted" && (
          <Link href={`/login?email=${encodeURIComponent(inv.email)}`} className={buttonClasses({ className: "mt-6" })}>
            Sign in
          </Link>
        )}
      </Frame>
    );
  }

  if (inv.account === "staff") {
    return (
      <Frame>
        {heading}
        <Alert tone="warning" title="This email cannot accept the invitation" className="mt-6">
          {inv.email} belongs to a vendor staff account, and a retailer account needs its own email. Ask {inv.vendorName} to invite a different email address.
        </Alert>
      </Frame>
    );
  }

  return (
    <Frame wide={inv.account === "new"}>
      {heading}
      <p className="mt-1 text-sm text-slate-500">The link is valid until {formatDate(inv.expiresAt)}.</p>
      <div className="mt-6">
        <AcceptForm
          token={decodeURIComponent(token)}
          account={inv.account}
          email={inv.email}
          defaults={{ name: inv.contactName ?? "", phone: inv.phone ?? "", legalName: inv.businessName ?? "" }}
        />
      </div>
    </Frame>
  );
}

function Frame({ children, wide }: { children: ReactNode; wide?: boolean }) {
  return (
    <div className="min-h-dvh bg-slate-50 px-4 py-8 sm:py-12">
      <div className={wide ? "mx-auto max-w-2xl" : "mx-auto max-w-lg"}>
        <Link href="/" aria-label="Vendor ERP" className="mb-6 inline-block">
          <BrandMark />
        </Link>
        <Card>
          <CardBody className="px-5 py-6 sm:px-8 sm:py-8">{children}</CardBody>
        </Card>
      </div>
    </div>
  );
}

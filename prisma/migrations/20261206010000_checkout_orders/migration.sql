-- Razorpay Orders + Standard Checkout: a checkout order is a PayLink of kind CHECKOUT whose
-- gatewayLinkId is the order id; the local sandbox keeps its orders beside its payment links.
CREATE TYPE "PayLinkKind" AS ENUM ('LINK', 'CHECKOUT');
ALTER TABLE "PayLink" ADD COLUMN "kind" "PayLinkKind" NOT NULL DEFAULT 'LINK';
ALTER TABLE "GatewaySandboxLink" ADD COLUMN "kind" TEXT NOT NULL DEFAULT 'payment_link';

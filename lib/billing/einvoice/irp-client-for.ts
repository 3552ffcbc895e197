import "server-only";
// The IRP a company reports to: NIC's API with its stored credentials, or — only when the company
// chose it (irpMode SANDBOX) — the local IRP sandbox, which reports nothing to GSTN.
import { getBillingSettings } from "@/lib/billing/billing-settings";
import { decryptSecret } from "@/lib/billing/secrets";
import type { PrismaClient } from "@/lib/db/client";
import { IrpError, type IrpClient } from "@/lib/integrations/gst/einvoice/irp-client";
import { createNicClient } from "@/lib/integrations/gst/einvoice/nic-client";
import { createSandboxIrp } from "@/lib/integrations/gst/einvoice/sandbox";

export async function irpClientFor(db: PrismaClient, companyId: string, opts: { now?: () => Date; fetch?: typeof fetch } = {}): Promise<IrpClient> {
  const s = await getBillingSettings(db, companyId);
  if (s.irpMode !== "NIC") return createSandboxIrp({ db, now: opts.now });
  const company = await db.company.findUniqueOrThrow({ where: { id: companyId }, select: { gstin: true } });
  const missing = [
    !s.irpBaseUrl && "IRP base URL",
    !s.irpUsername && "IRP user name",
    !s.irpClientId && "client id",
    !s.irpPasswordEnc && "password",
    !s.irpClientSecretEnc && "client secret",
    !s.irpPublicKeyPem && "NIC public key",
    !company.gstin && "company GSTIN",
  ].filter(Boolean);
  if (missing.length) throw new IrpError("config", `E-invoicing with the NIC IRP needs: ${missing.join(", ")} (Settings → E-invoicing)`, { retryable: false });
  return createNicClient({
    companyId,
    baseUrl: s.irpBaseUrl!,
    gstin: company.gstin!,
    username: s.irpUsername!,
    clientId: s.irpClientId!,
    password: decryptSecret(s.irpPasswordEnc!),
    clientSecret: decryptSecret(s.irpClientSecretEnc!),
    publicKeyPem: s.irpPublicKeyPem!,
    fetch: opts.fetch,
    now: opts.now,
  });
}

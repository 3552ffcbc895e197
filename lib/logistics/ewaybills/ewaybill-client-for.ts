import "server-only";
// The e-way bill system a company talks to: NIC's API with its stored credentials, or — only when the company
// chose it (mode SANDBOX) — the local e-way bill sandbox, which reports nothing to GSTN.
import { decryptSecret } from "@/lib/billing/secrets";
import type { PrismaClient } from "@/lib/db/client";
import { EwbError, type EwayBillClient } from "@/lib/integrations/gst/ewaybill/ewaybill-client";
import { createNicEwayBillClient } from "@/lib/integrations/gst/ewaybill/nic-ewaybill-client";
import { createSandboxEwayBill } from "@/lib/integrations/gst/ewaybill/sandbox-ewaybill";
import { loadEwayBillSettings } from "./ewaybill-settings";

export type EwayClientDeps = { now?: () => Date; fetch?: typeof fetch };

export async function ewayBillClientFor(db: PrismaClient, companyId: string, opts: EwayClientDeps = {}): Promise<EwayBillClient> {
  const s = await loadEwayBillSettings(db, companyId);
  if (s.mode !== "NIC") return createSandboxEwayBill({ db, now: opts.now });
  const company = await db.company.findUniqueOrThrow({ where: { id: companyId }, select: { gstin: true } });
  const missing = [
    !s.baseUrl && "API base URL",
    !s.username && "user name",
    !s.clientId && "client id",
    !s.passwordEnc && "password",
    !s.clientSecretEnc && "client secret",
    !s.publicKeyPem && "NIC public key",
    !company.gstin && "company GSTIN",
  ].filter(Boolean);
  if (missing.length) throw new EwbError("config", `E-way bills through NIC need: ${missing.join(", ")} (Settings → E-way bills)`);
  return createNicEwayBillClient({
    companyId,
    baseUrl: s.baseUrl!,
    gstin: company.gstin!,
    username: s.username!,
    clientId: s.clientId!,
    password: decryptSecret(s.passwordEnc!),
    clientSecret: decryptSecret(s.clientSecretEnc!),
    publicKeyPem: s.publicKeyPem!,
    fetch: opts.fetch,
    now: opts.now,
  });
}

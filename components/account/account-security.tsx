// A signed-in user's own account: change password, where they are signed in, end a session, sign
// out everywhere. The same screen serves staff (/account) and retailers (/portal/account).
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { endSessionAction, signOutEverywhereAction } from "@/app/(auth)/account-actions";
import type { SessionView } from "@/lib/auth/auth.schemas";
import { formatDateTime } from "@/lib/format";

export function AccountSecurity({ name, email, sessions }: { name: string; email: string; sessions: SessionView[] }) {
  return (
    <>
      <PageHeader title="Account & security" description={`${name} · ${email}`} />
      <div className="space-y-6">
        <Card>
          <CardHeader title="Password" description="Changing it signs out every other browser and app signed in to your account." />
          <CardBody>
            <ChangePasswordForm />
          </CardBody>
        </Card>
        <Card>
          <CardHeader
            title="Where you are signed in"
            description="Browsers and apps with access to your account. Sign out any you do not recognise, then change your password."
            actions={
              <form action={signOutEverywhereAction}>
                <Button type="submit" variant="danger" size="sm">
                  Sign out everywhere
                </Button>
              </form>
            }
          />
          <Table wrapperClassName="rounded-none border-0">
            <THead>
              <tr>
                <Th>Device</Th>
                <Th className="hidden sm:table-cell">Address</Th>
                <Th className="hidden md:table-cell">Signed in</Th>
                <Th className="text-right">
                  <span className="sr-only">Actions</span>
                </Th>
              </tr>
            </THead>
            <TBody>
              {sessions.map((s) => (
                <Tr key={s.id}>
                  <Td>
                    <div className="flex flex-wrap items-center gap-2">
                      <span className="font-medium text-slate-900">{describeDevice(s)}</span>
                      {s.current && <Badge tone="success">This browser</Badge>}
                    </div>
                    <div className="text-xs text-slate-500 md:hidden">Signed in {formatDateTime(s.createdAt)}</div>
                  </Td>
                  <Td muted className="hidden font-mono text-xs sm:table-cell">
                    {s.ip ?? "—"}
                  </Td>
                  <Td muted className="hidden whitespace-nowrap md:table-cell">
                    {formatDateTime(s.createdAt)}
                  </Td>
                  <Td className="text-right">
                    {s.current ? null : (
                      <form action={endSessionAction}>
                        <input type="hidden" name="sessionId" value={s.id} />
                        <Button type="submit" variant="secondary" size="sm" aria-label={`Sign out ${describeDevice(s)} signed in ${formatDateTime(s.createdAt)}`}>
                          Sign out
                        </Button>
                      </form>
                    )}
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        </Card>
      </div>
    </>
  );
}

function describeDevice(s: SessionView): string {
  if (s.kind === "api") return "App or API sign-in";
  const ua = s.userAgent ?? "";
  const browser = /Edg\//.test(ua) ? "Edge" : /Chrome\//.test(ua) ? "Chrome" : /Firefox\//.test(ua) ? "Firefox" : /Safari\//.test(ua) ? "Safari" : "Browser";
  const os = /Android/.test(ua) ? "Android" : /iPhone|iPad/.test(ua) ? "iOS" : /Windows/.test(ua) ? "Windows" : /Mac OS X/.test(ua) ? "macOS" : /Linux/.test(ua) ? "Linux" : "";
  return os ? `${browser} on ${os}` : browser;
}

import "server-only";
// The daily "fleet-document-reminders" job: owners, admins and managers (and a driver for their own
// licence) get an in-app notification 30, 7 and 1 days before a vehicle document or a driving licence
// lapses, on the day, and once after it has lapsed. Each (document, expiry date, threshold, person) has a
// dedupe key, written with skip-on-conflict: running twice, or late, adds nothing; a renewed document
// (new expiry date) is reminded again. A run that missed days sends only the tightest threshold reached.
import { prisma } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { documentLabels, driverWarnings, istDay, reminderThreshold, vehicleWarnings, type DocumentWarning } from "@/lib/logistics/fleet/documents";
import { log } from "@/lib/log";

const RECIPIENT_ROLES: Role[] = ["OWNER", "ADMIN", "MANAGER"];
/** Documents that lapsed longer ago than this are not announced again (only the one "expired" notice). */
const LOOK_BACK_DAYS = 3650;

export type ReminderRun = { day: string; due: number; notifications: number };

export async function runFleetReminders(opts: { now?: Date; companyId?: string } = {}): Promise<ReminderRun> {
  const now = opts.now ?? new Date();
  const day = istDay(now);
  const horizon = new Date(`${day}T00:00:00Z`);
  horizon.setUTCDate(horizon.getUTCDate() + 30);
  const soon = { lte: horizon };
  const companyFilter = opts.companyId ? { companyId: opts.companyId } : {};
  const [vehicles, drivers] = await Promise.all([
    prisma.vehicle.findMany({
      where: { ...companyFilter, active: true, OR: [{ rcExpiry: soon }, { insuranceExpiry: soon }, { fitnessExpiry: soon }, { permitExpiry: soon }, { pucExpiry: soon }] },
      select: { id: true, companyId: true, registrationNo: true, label: true, rcExpiry: true, insuranceExpiry: true, fitnessExpiry: true, permitExpiry: true, pucExpiry: true },
    }),
    prisma.driver.findMany({ where: { ...companyFilter, active: true, licenceExpiry: soon }, select: { id: true, companyId: true, name: true, userId: true, licenceExpiry: true } }),
  ]);

  type Due = { companyId: string; key: string; title: string; body: string; link: string; extraUserId: string | null };
  const due: Due[] = [];
  const add = (companyId: string, kind: "vehicle" | "driver", id: string, who: string, w: DocumentWarning, link: string, extraUserId: string | null) => {
    if (w.daysLeft < -LOOK_BACK_DAYS) return;
    const threshold = reminderThreshold(w.daysLeft);
    if (threshold === null) return;
    const when = w.daysLeft < 0 ? `expired on ${w.expiry}` : w.daysLeft === 0 ? "expires today" : `expires in ${w.daysLeft} day${w.daysLeft === 1 ? "" : "s"} (${w.expiry})`;
    due.push({
      companyId,
      key: `fleet-doc:${kind}:${id}:${w.document}:${w.expiry}:${threshold}`,
      title: `${documentLabels[w.document]} of ${who} ${w.daysLeft < 0 ? "has expired" : w.daysLeft === 0 ? "expires today" : "expires soon"}`,
      body: `${documentLabels[w.document]} of ${who} ${when}. Renew it and update the date in Fleet.`,
      link,
      extraUserId,
    });
  };
  for (const v of vehicles) for (const w of vehicleWarnings(v, day)) add(v.companyId, "vehicle", v.id, v.label ? `${v.registrationNo} (${v.label})` : v.registrationNo, w, `/fleet/vehicles/${v.id}`, null);
  for (const d of drivers) for (const w of driverWarnings(d, day)) add(d.companyId, "driver", d.id, d.name, w, `/fleet/drivers/${d.id}`, d.userId);
  if (!due.length) return { day, due: 0, notifications: 0 };

  const companyIds = [...new Set(due.map((d) => d.companyId))];
  const staff = await prisma.membership.findMany({ where: { companyId: { in: companyIds }, active: true, role: { in: RECIPIENT_ROLES }, user: { isActive: true } }, select: { companyId: true, userId: true } });
  const byCompany = new Map<string, string[]>();
  for (const s of staff) byCompany.set(s.companyId, [...(byCompany.get(s.companyId) ?? []), s.userId]);

  const rows = due.flatMap((d) => {
    const users = new Set(byCompany.get(d.companyId) ?? []);
    if (d.extraUserId) users.add(d.extraUserId);
    return [...users].map((userId) => ({ userId, companyId: d.companyId, event: "fleet.document_expiry", title: d.title, body: d.body, link: d.link, dedupeKey: `${d.key}:${userId}` }));
  });
  const written = rows.length ? await prisma.notification.createMany({ data: rows, skipDuplicates: true }) : { count: 0 };
  if (written.count) log("info", "fleet document reminders sent", { day, due: due.length, notifications: written.count });
  return { day, due: due.length, notifications: written.count };
}

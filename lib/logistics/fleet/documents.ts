// Document expiry of vehicles (RC, insurance, fitness, permit, PUC) and drivers (licence): which have
// lapsed or lapse soon on a given day. Pure: the vehicle list, the reminders job and the trip code (a trip
// warns when its vehicle or driver has an expired document on the trip date) ask the same question.

/** Days before expiry when owners and managers are reminded; 0 = on the day (and once when it has lapsed). */
export const REMINDER_THRESHOLDS = [30, 7, 1, 0] as const;
/** A document expiring within this many days is "expiring soon". */
export const EXPIRING_SOON_DAYS = 30;

export type VehicleDocument = "rc" | "insurance" | "fitness" | "permit" | "puc";
export type FleetDocument = VehicleDocument | "licence";

export const documentLabels: Record<FleetDocument, string> = {
  rc: "RC",
  insurance: "Insurance",
  fitness: "Fitness certificate",
  permit: "Permit",
  puc: "PUC certificate",
  licence: "Driving licence",
};

export const vehicleDocumentFields: Record<VehicleDocument, "rcExpiry" | "insuranceExpiry" | "fitnessExpiry" | "permitExpiry" | "pucExpiry"> = {
  rc: "rcExpiry",
  insurance: "insuranceExpiry",
  fitness: "fitnessExpiry",
  permit: "permitExpiry",
  puc: "pucExpiry",
};

export type DocumentWarning = {
  document: FleetDocument;
  label: string;
  /** YYYY-MM-DD: the last day the document is valid. */
  expiry: string;
  /** Days from the day asked about to the expiry day (0 = expires that day, negative = lapsed). */
  daysLeft: number;
  status: "expired" | "expiring";
  message: string;
};

type DateLike = Date | string | null | undefined;
export type VehicleDocs = { registrationNo?: string; rcExpiry?: DateLike; insuranceExpiry?: DateLike; fitnessExpiry?: DateLike; permitExpiry?: DateLike; pucExpiry?: DateLike };
export type DriverDocs = { name?: string; licenceExpiry?: DateLike };

const IST_OFFSET_MS = 330 * 60 * 1000;

/** The calendar day (YYYY-MM-DD) of an instant in India; a YYYY-MM-DD string is taken as that day. */
export function istDay(d: Date | string): string {
  if (typeof d === "string" && /^\d{4}-\d{2}-\d{2}$/.test(d)) return d;
  return new Date(new Date(d).getTime() + IST_OFFSET_MS).toISOString().slice(0, 10);
}

/** A @db.Date column comes back as UTC midnight of its day. */
function dateOnly(d: DateLike): string | null {
  if (!d) return null;
  return typeof d === "string" ? d.slice(0, 10) : d.toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function warning(document: FleetDocument, expiry: string, onDay: string, within: number): DocumentWarning | null {
  const daysLeft = daysBetween(onDay, expiry);
  if (daysLeft > within) return null;
  const label = documentLabels[document];
  const status = daysLeft < 0 ? "expired" : "expiring";
  const message =
    daysLeft < 0 ? `${label} expired on ${expiry}` : daysLeft === 0 ? `${label} expires today (${expiry})` : `${label} expires in ${daysLeft} day${daysLeft === 1 ? "" : "s"} (${expiry})`;
  return { document, label, expiry, daysLeft, status, message };
}

/**
 * A vehicle's documents that have lapsed on `onDate` (an instant, taken as its day in India, or a
 * YYYY-MM-DD trip date) or lapse within `withinDays` (default 30); lapsed first, then soonest.
 */
export function vehicleWarnings(vehicle: VehicleDocs, onDate: Date | string, opts: { withinDays?: number } = {}): DocumentWarning[] {
  const day = istDay(onDate);
  const within = opts.withinDays ?? EXPIRING_SOON_DAYS;
  const out: DocumentWarning[] = [];
  for (const [doc, field] of Object.entries(vehicleDocumentFields) as [VehicleDocument, keyof VehicleDocs][]) {
    const expiry = dateOnly(vehicle[field] as DateLike);
    const w = expiry ? warning(doc, expiry, day, within) : null;
    if (w) out.push(w);
  }
  return out.sort((a, b) => a.daysLeft - b.daysLeft);
}

/** The driver's licence, when lapsed on `onDate` or lapsing within `withinDays` (default 30). */
export function driverWarnings(driver: DriverDocs, onDate: Date | string, opts: { withinDays?: number } = {}): DocumentWarning[] {
  const expiry = dateOnly(driver.licenceExpiry);
  const w = expiry ? warning("licence", expiry, istDay(onDate), opts.withinDays ?? EXPIRING_SOON_DAYS) : null;
  return w ? [w] : [];
}

/** Only what has lapsed on that day: what a trip on that date must warn about. */
export function expiredOn(warnings: DocumentWarning[]): DocumentWarning[] {
  return warnings.filter((w) => w.status === "expired");
}

/** The reminder due for a document `daysLeft` from expiry: the tightest threshold reached (null: none yet). */
export function reminderThreshold(daysLeft: number): number | null {
  if (daysLeft < 0) return 0;
  const reached = REMINDER_THRESHOLDS.filter((t) => daysLeft <= t);
  return reached.length ? Math.min(...reached) : null;
}

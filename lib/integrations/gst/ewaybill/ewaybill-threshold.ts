// Whether a movement needs an e-way bill (Rule 138(1)): its value with tax above the threshold — the company's
// base (₹50,000 by default) for inter-state movement, the state's own for movement within a state (a company
// override, else the built-in table, else the base). Job work to another state needs one whatever the value
// (Rule 138(1), second proviso). Pure.
import { Prisma } from "@/lib/generated/prisma/client";
import { stateName } from "@/lib/integrations/gst/states";
import { DEFAULT_STATE_THRESHOLDS } from "./ewaybill-codes";

const D = Prisma.Decimal;
const inr = (d: Prisma.Decimal) => new Intl.NumberFormat("en-IN", { style: "currency", currency: "INR" }).format(d.toNumber());

export type ThresholdSettings = { threshold: Prisma.Decimal | string; stateThresholds?: Record<string, string> | null };

export function ewayThresholdFor(fromState: string, toState: string, s: ThresholdSettings): Prisma.Decimal {
  if (fromState !== toState) return new D(s.threshold);
  const own = s.stateThresholds?.[fromState] ?? DEFAULT_STATE_THRESHOLDS[fromState];
  return new D(own ?? s.threshold);
}

export function ewayBillNeeded(m: { value: Prisma.Decimal | string; fromState: string; toState: string; jobWork?: boolean }, s: ThresholdSettings): { required: boolean; threshold: string; why: string } {
  const threshold = ewayThresholdFor(m.fromState, m.toState, s);
  const value = new D(m.value);
  if (m.jobWork && m.fromState !== m.toState) return { required: true, threshold: threshold.toFixed(2), why: "Goods sent for job work to another state need an e-way bill whatever their value" };
  const required = value.gt(threshold);
  const where = m.fromState === m.toState ? `within ${stateName(m.fromState) ?? `state ${m.fromState}`}` : "between states";
  return { required, threshold: threshold.toFixed(2), why: `Value ${inr(value)} is ${required ? "above" : "within"} the ${inr(threshold)} threshold for movement ${where}` };
}

// Today's Pune beat for Shree Ganesh Agro Foods: 26 kirana shops and supermarkets across Pune and
// Pimpri-Chinchwad, each with a packed, invoiced order and a shipment ready at the Chakan plant, their
// shop pins (a few left to the PIN code's centre) and receiving hours. The dispatcher plans the day
// from /trips/plan. Orders go through the same domain functions people use, on this morning's clock.
//
// Idempotent: a vendor that already has the beat's first customer code is left alone.
import { loadActor } from "@/lib/auth/load-actor";
import type { Actor } from "@/lib/auth/actor";
import { invoiceOrder } from "@/lib/billing/invoice-order";
import { makeCtx } from "@/lib/ctx";
import type { PrismaClient } from "@/lib/db/client";
import { makeGstin } from "@/lib/demo/gstin-fixtures";
import { seededRandom } from "@/lib/demo/seeded-random";
import { pincodePosition } from "@/lib/logistics/geo/pincodes";
import { createShipment } from "@/lib/logistics/shipments/create-shipment";
import { confirmOrder } from "@/lib/orders/confirm-order";
import { packOrder } from "@/lib/orders/pack-order";
import { placeOrder } from "@/lib/orders/place-order";
import { startOfIstDay, istDay } from "@/lib/pricing/dates";
import { accountants } from "./seed-billing";

type Ids = { companyIds: Map<string, string>; userIds: Map<string, string> };

/** [shop, owner, area line, PIN, receiving hours (HH:MM–HH:MM), has a GSTIN, pin dropped] */
const beat: [string, string, string, string, string, boolean, boolean][] = [
  ["Shri Samarth Kirana", "Vijay Kale", "Shop 4, Alandi Road, Moshi", "412105", "09:00-13:00", false, true],
  ["Om Sai General Stores", "Sachin Landge", "Near PMT Chowk, Bhosari", "411026", "09:30-14:00", true, true],
  ["Mahalaxmi Super Market", "Anita Gawade", "Pimpri Market, Shagun Chowk", "411018", "10:00-20:00", true, true],
  ["Jai Bhavani Provision", "Ganesh Chinchwade", "Chapekar Chowk, Chinchwad Gaon", "411033", "09:00-13:30", false, true],
  ["Gurukrupa Traders", "Prakash Bhondve", "Sector 26, Pradhikaran, Nigdi", "411044", "10:00-18:00", true, true],
  ["Navkar Provision Stores", "Mahavir Oswal", "Akurdi Railway Station Road", "411035", "09:00-12:30", true, false],
  ["Shivshakti Kirana", "Rohit Bhujbal", "Dange Chowk, Wakad", "411057", "11:00-19:00", false, true],
  ["Balaji Dairy & General", "Srinivas Reddy", "Phase 1, Hinjewadi", "411057", "15:00-19:00", true, true],
  ["Saptashrungi Traders", "Kiran Jadhav", "Pimple Saudagar, Kunal Icon Road", "411027", "10:00-14:00", true, true],
  ["Panchavati Provision", "Sunita Kadam", "Bremen Chowk, Aundh", "411007", "09:00-13:00", false, true],
  ["Ganga Godavari Stores", "Ashok Sutar", "Baner Road, near Balewadi Phata", "411045", "14:00-19:00", true, true],
  ["Tirupati Kirana", "Venkatesh Iyer", "Model Colony, Shivajinagar", "411016", "09:30-13:30", false, true],
  ["Vitthal Rukmini Stores", "Dattatray More", "Karve Road, Kothrud", "411038", "10:00-19:00", true, true],
  ["Mauli General Stores", "Balasaheb Tupe", "Magarpatta Road, Hadapsar", "411028", "09:00-12:00", false, true],
  ["Kalika Mata Traders", "Rajesh Chaudhary", "Kharadi Bypass, Kharadi", "411014", "11:00-16:00", true, true],
  ["Yashwant Provision", "Yashwant Pawar", "Nagar Road, Viman Nagar", "411014", "10:00-18:00", true, false],
  ["Trimurti Kirana", "Imran Shaikh", "Phulenagar, Yerawada", "411006", "09:00-14:00", false, true],
  ["Anand Super Shoppe", "Anand Bora", "Vishrantwadi Chowk", "411015", "10:00-20:00", true, true],
  ["Sai Leela Stores", "Pooja Ghule", "Tingre Nagar, Dhanori", "411015", "15:00-19:30", false, true],
  ["Shree Swami Samarth Provision", "Nitin Khandve", "Lohegaon Road, Lohegaon", "411047", "09:00-13:00", false, true],
  ["Dwarka Kirana", "Mukesh Rathi", "Kesnand Phata, Wagholi", "412207", "10:00-17:00", true, true],
  ["Nandini Dairy Point", "Swati Dhore", "Ravet, near Akurdi Station", "412101", "08:30-12:00", false, true],
  ["Rameshwar Traders", "Rameshwar Garud", "Talegaon Station Chowk, Talegaon Dabhade", "410506", "10:00-18:00", true, true],
  ["Gajanan Provision", "Sopan Gade", "Dehu Road Bazaar", "412101", "09:00-14:00", false, false],
  ["Vishwas General Stores", "Vishwas Shinde", "Kasarwadi, Old Mumbai-Pune Highway", "411034", "11:00-19:00", true, true],
  ["Matoshree Kirana", "Lata Waghmare", "Dapodi, near CME Gate", "411012", "09:00-13:00", false, true],
];

export async function seedDeliveryDay(db: PrismaClient, ids: Ids, now = new Date()) {
  const companyId = ids.companyIds.get("SGAF");
  if (!companyId) return;
  if (await db.connection.findFirst({ where: { companyId, customerCode: "PUN-B01" }, select: { id: true } })) return;
  const plant = await db.warehouse.findFirstOrThrow({ where: { companyId, code: "CHK" } });
  // The Chakan plant's gate, on Chakan–Talegaon Road.
  if (!plant.latitude) await db.warehouse.update({ where: { id: plant.id }, data: { latitude: "18.760612", longitude: "73.836410" } });
  const actor = async (email: string): Promise<Actor> => {
    const a = await loadActor(db, ids.userIds.get(email)!, companyId);
    if (!a) throw new Error(`seed: no actor for ${email}`);
    return a;
  };
  const [sales, godown, accountant] = [await actor("sales@shreeganesh.example"), await actor("sunil.pawar@shreeganesh.example"), await actor(accountants.SGAF)];
  const rand = seededRandom(20261206);
  // This morning, IST: orders taken by 07:00, packed by 08:00, invoiced at 08:15, shipments ready at 08:30.
  const morning = startOfIstDay(istDay(now)).getTime();
  const at = (hhmm: number) => () => new Date(Math.min(now.getTime() - 60_000, morning + hhmm * 60_000));
  const products = await db.product.findMany({
    where: { companyId, active: true, stockLevels: { some: { warehouseId: plant.id, onHand: { gt: 200 } } } },
    select: { id: true, minOrderQty: true, sellInPacks: true, packSize: true },
    orderBy: { sku: "asc" },
  });
  if (products.length < 4) return;

  for (const [i, [name, owner, line, pincode, hours, registered, pinned]] of beat.entries()) {
    const code = `PUN-B${String(i + 1).padStart(2, "0")}`;
    const centre = pincodePosition(pincode);
    const jitter = () => (rand() - 0.5) * 0.014;
    const [from, to] = hours.split("-").map((h) => Number(h.slice(0, 2)) * 60 + Number(h.slice(3)));
    const pan = `${"ABCDEFGHJK"[i % 10]}${"LMNPQRSTUV"[(i * 3) % 10]}${"WXYZABCDEF"[(i * 7) % 10]}P${"GHKLMNPRST"[(i * 5) % 10]}${String(4100 + i * 37).slice(0, 4)}${"ABCDEFGHJK"[(i * 11) % 10]}`;
    const retailer = await db.retailer.create({
      data: {
        legalName: name,
        gstin: registered ? makeGstin("27", pan) : null,
        pan: registered ? pan : null,
        stateCode: "27",
        addressLine1: line,
        city: ["411", "412"].some((p) => pincode.startsWith(p)) ? (["411018", "411033", "411044", "411035", "411026", "411027", "411034", "411012", "411057", "412101", "412105"].includes(pincode) ? "Pimpri-Chinchwad" : "Pune") : "Talegaon Dabhade",
        pincode,
        phone: `+91 9${String(8_220_000_00 + i * 7_391_33).slice(0, 9)}`,
        latitude: pinned && centre ? (centre.lat + jitter()).toFixed(6) : null,
        longitude: pinned && centre ? (centre.lng + jitter()).toFixed(6) : null,
        receivingFromMin: from,
        receivingToMin: to,
      },
    });
    const connection = await db.connection.create({
      data: { companyId, retailerId: retailer.id, status: "ACTIVE", customerCode: code, creditLimit: "150000", paymentTermsDays: 15, placeOfSupply: "27", notes: `Pune beat · owner ${owner}`, activatedAt: new Date(now.getTime() - (120 + i * 9) * 86_400_000) },
    });
    const picks = [...products].sort(() => rand() - 0.5).slice(0, 2 + Math.floor(rand() * 3));
    const lines = picks.map((p) => {
      const step = p.sellInPacks && p.packSize ? Number(p.packSize) : Math.max(1, Number(p.minOrderQty ?? 1));
      return { productId: p.id, quantity: String(step * (1 + Math.floor(rand() * 3))) };
    });
    const order = await placeOrder(makeCtx(sales, { db, now: at(6 * 60 + i) }), { connectionId: connection.id, warehouseId: plant.id, lines, notes: `Beat order taken by phone from ${owner}` }, { source: "STAFF" });
    if (order.creditHold) continue;
    await confirmOrder(makeCtx(sales, { db, now: at(7 * 60 + i) }), order.id, {});
    await packOrder(makeCtx(godown, { db, now: at(7 * 60 + 30 + i) }), order.id, { note: `${lines.length + 1} cartons` });
    await invoiceOrder(makeCtx(accountant, { db, now: at(8 * 60 + i) }), order.id, {});
    const weight = 40 + Math.round(rand() * 220);
    await createShipment(makeCtx(godown, { db, now: at(8 * 60 + 30 + i) }), {
      orderIds: [order.id],
      packages: lines.length + 1,
      weightKg: String(weight),
      volumeM3: (weight / 180).toFixed(3),
      crates: 0,
    });
  }
}

// npm run db:seed — demo data: three vendor companies, their staff, eight retailer businesses,
// retailer logins and trading connections, then each vendor's catalog, price lists, warehouses and
// stock (scripts/demo-catalog/, written through the domain functions). Idempotent: every row is
// keyed on a natural unique key (company code, user email, retailer GSTIN or name, membership pair,
// SKU, document reference) and only created when missing, so running it again changes nothing and
// keeps edits made in the app.
// Without DATABASE_URL it starts the embedded PostgreSQL (as `npm run demo` does), migrates,
// seeds and stops it again.
import { resolveDatabase } from "../lib/db/database";
import { migrate } from "../lib/db/migrate";
import { hashPassword } from "../lib/auth/password";
import { makeGstin } from "../lib/demo/gstin-fixtures";
import { localSecret } from "./lib/launch";

export const DEMO_PASSWORD = "Demo@1234";

type Role = "OWNER" | "ADMIN" | "MANAGER" | "SALES" | "WAREHOUSE" | "ACCOUNTANT" | "DRIVER";

// ---------------------------------------------------------------------------------------------
// Vendor companies. PANs are invented but well-formed (4th character: C company, F firm).
// ---------------------------------------------------------------------------------------------
const companies = [
  {
    code: "SGAF",
    legalName: "Shree Ganesh Agro Foods Pvt. Ltd.",
    tradeName: "Shree Ganesh Foods",
    pan: "AAHCS4821M",
    stateCode: "27",
    addressLine1: "Plot No. D-II/14, MIDC Chinchwad",
    addressLine2: "Old Mumbai-Pune Highway, near Empire Estate",
    city: "Pune",
    pincode: "411019",
    dispatchLine1: "Gat No. 312, Chakan-Talegaon Road",
    dispatchLine2: "Kharabwadi, Chakan",
    dispatchCity: "Pune",
    dispatchStateCode: "27",
    dispatchPincode: "410501",
    email: "accounts@shreeganesh.example",
    phone: "+91 98220 41567",
    website: "https://shreeganesh.example",
    bankName: "HDFC Bank",
    bankAccountName: "Shree Ganesh Agro Foods Pvt. Ltd.",
    bankAccountNumber: "50200041827735",
    bankIfsc: "HDFC0000123",
    bankBranch: "Chinchwad, Pune",
    upiId: "shreeganeshfoods@hdfcbank",
  },
  {
    code: "NVRT",
    legalName: "Navrang Textiles",
    tradeName: "Navrang Home Textiles",
    pan: "AAJFN7315Q",
    stateCode: "24",
    addressLine1: "Shop No. 214-216, Millennium Textile Market",
    addressLine2: "Ring Road",
    city: "Surat",
    pincode: "395002",
    dispatchLine1: "Godown 9, Shree Ram Industrial Estate, Sachin GIDC",
    dispatchLine2: null,
    dispatchCity: "Surat",
    dispatchStateCode: "24",
    dispatchPincode: "394230",
    email: "orders@navrangtextiles.example",
    phone: "+91 98250 73314",
    website: null,
    bankName: "Bank of Baroda",
    bankAccountName: "Navrang Textiles",
    bankAccountNumber: "04320200001873",
    bankIfsc: "BARB0RINGRO",
    bankBranch: "Ring Road, Surat",
    upiId: "navrangtextiles@barodampay",
  },
  {
    code: "KCDB",
    legalName: "Kaveri Consumer Distributors Pvt. Ltd.",
    tradeName: "Kaveri Distributors",
    pan: "AADCK2049L",
    stateCode: "29",
    addressLine1: "No. 42, 3rd Cross, Peenya Industrial Area 2nd Stage",
    addressLine2: "Near Peenya Police Station",
    city: "Bengaluru",
    pincode: "560058",
    dispatchLine1: null,
    dispatchLine2: null,
    dispatchCity: null,
    dispatchStateCode: null,
    dispatchPincode: null,
    email: "sales@kaveridistributors.example",
    phone: "+91 98450 26671",
    website: "https://kaveridistributors.example",
    bankName: "Canara Bank",
    bankAccountName: "Kaveri Consumer Distributors Pvt. Ltd.",
    bankAccountNumber: "0792201004518",
    bankIfsc: "CNRB0000792",
    bankBranch: "Peenya Industrial Estate, Bengaluru",
    upiId: "kaveridistributors@canarabank",
  },
] as const;

// ---------------------------------------------------------------------------------------------
// Vendor staff. A user may belong to several companies (Ganesh is also an admin at Navrang).
// ---------------------------------------------------------------------------------------------
type StaffSeed = { email: string; name: string; phone: string; memberships: { company: string; role: Role; title: string; active?: boolean }[] };

const staff: StaffSeed[] = [
  {
    email: "owner@shreeganesh.example",
    name: "Ganesh Kulkarni",
    phone: "+91 98220 10021",
    memberships: [
      { company: "SGAF", role: "OWNER", title: "Managing Director" },
      { company: "NVRT", role: "ADMIN", title: "Partner (Maharashtra business)" },
    ],
  },
  { email: "sales@shreeganesh.example", name: "Amit Deshpande", phone: "+91 98221 34480", memberships: [{ company: "SGAF", role: "SALES", title: "Sales Executive – Nashik & Ahmednagar" }] },
  { email: "priya.joshi@shreeganesh.example", name: "Priya Joshi", phone: "+91 98225 61904", memberships: [{ company: "SGAF", role: "MANAGER", title: "Operations Manager" }] },
  { email: "vikram.bhosale@shreeganesh.example", name: "Vikram Bhosale", phone: "+91 98230 88112", memberships: [{ company: "SGAF", role: "ADMIN", title: "Admin & IT" }] },
  { email: "kavita.shinde@shreeganesh.example", name: "Kavita Shinde", phone: "+91 98233 47026", memberships: [{ company: "SGAF", role: "SALES", title: "Sales Executive – Pune City" }] },
  { email: "sunil.pawar@shreeganesh.example", name: "Sunil Pawar", phone: "+91 98237 20459", memberships: [{ company: "SGAF", role: "WAREHOUSE", title: "Warehouse In-charge, Chakan" }] },
  { email: "anil.gaikwad@shreeganesh.example", name: "Anil Gaikwad", phone: "+91 98500 14873", memberships: [{ company: "SGAF", role: "WAREHOUSE", title: "Picker & Packer" }] },
  { email: "pooja.kale@shreeganesh.example", name: "Pooja Kale", phone: "+91 98509 63310", memberships: [{ company: "SGAF", role: "ACCOUNTANT", title: "Senior Accountant" }] },
  { email: "accounts@shreeganesh.example", name: "Snehal Gokhale", phone: "+91 98817 52246", memberships: [{ company: "SGAF", role: "ACCOUNTANT", title: "Accounts Executive (GST filing)" }] },
  { email: "rahul.jadhav@shreeganesh.example", name: "Rahul Jadhav", phone: "+91 98906 31187", memberships: [{ company: "SGAF", role: "DRIVER", title: "Driver – MH 12 TR 4521" }] },
  { email: "sachin.more@shreeganesh.example", name: "Sachin More", phone: "+91 98602 77405", memberships: [{ company: "SGAF", role: "DRIVER", title: "Driver – MH 14 GU 8830" }] },
  {
    email: "deepak.chavan@shreeganesh.example",
    name: "Deepak Chavan",
    phone: "+91 98811 09364",
    memberships: [{ company: "SGAF", role: "SALES", title: "Sales Executive – Satara (left Sept 2025)", active: false }],
  },
  // Navrang Textiles, Surat
  { email: "hitesh@navrangtextiles.example", name: "Hitesh Patel", phone: "+91 98250 11842", memberships: [{ company: "NVRT", role: "OWNER", title: "Managing Partner" }] },
  { email: "jignesh.shah@navrangtextiles.example", name: "Jignesh Shah", phone: "+91 98251 60237", memberships: [{ company: "NVRT", role: "SALES", title: "Sales Executive – Saurashtra" }] },
  { email: "nirali.desai@navrangtextiles.example", name: "Nirali Desai", phone: "+91 98255 42718", memberships: [{ company: "NVRT", role: "ACCOUNTANT", title: "Accountant" }] },
  { email: "mahesh.rathod@navrangtextiles.example", name: "Mahesh Rathod", phone: "+91 98257 93051", memberships: [{ company: "NVRT", role: "WAREHOUSE", title: "Godown Supervisor, Sachin GIDC" }] },
  // Kaveri Consumer Distributors, Bengaluru
  { email: "suresh@kaveridistributors.example", name: "Suresh Gowda", phone: "+91 98450 11290", memberships: [{ company: "KCDB", role: "OWNER", title: "Director" }] },
  { email: "lakshmi.narayan@kaveridistributors.example", name: "Lakshmi Narayan", phone: "+91 98451 37764", memberships: [{ company: "KCDB", role: "MANAGER", title: "Branch Manager" }] },
  { email: "divya.rao@kaveridistributors.example", name: "Divya Rao", phone: "+91 98453 80125", memberships: [{ company: "KCDB", role: "SALES", title: "Key Accounts – Modern Trade" }] },
  { email: "manjunath.h@kaveridistributors.example", name: "Manjunath H.", phone: "+91 98456 24409", memberships: [{ company: "KCDB", role: "DRIVER", title: "Driver – KA 04 AB 7712" }] },
];

// ---------------------------------------------------------------------------------------------
// Retailers (PAN 4th character: P proprietor, F firm, C company). One is unregistered (no GSTIN).
// ---------------------------------------------------------------------------------------------
type RetailerSeed = {
  key: string;
  legalName: string;
  tradeName: string | null;
  pan: string | null;
  registered: boolean;
  stateCode: string;
  addressLine1: string;
  addressLine2: string | null;
  city: string;
  pincode: string;
  email: string;
  phone: string;
  users: { email: string; name: string; phone: string; role: "OWNER" | "STAFF" }[];
};

const retailers: RetailerSeed[] = [
  {
    key: "sharma",
    legalName: "Sharma Kirana Stores",
    tradeName: "Sharma Kirana",
    pan: "BQXPS4417K",
    registered: true,
    stateCode: "27",
    addressLine1: "Shop 3, Ganesh Plaza, College Road",
    addressLine2: "Near BYK College",
    city: "Nashik",
    pincode: "422005",
    email: "ravi@sharmakirana.example",
    phone: "+91 98224 56710",
    users: [
      { email: "ravi@sharmakirana.example", name: "Ravi Sharma", phone: "+91 98224 56710", role: "OWNER" },
      { email: "sunita@sharmakirana.example", name: "Sunita Sharma", phone: "+91 98224 56711", role: "STAFF" },
    ],
  },
  {
    key: "patil",
    legalName: "Patil Provision Stores",
    tradeName: null,
    pan: "CDRPP8823N",
    registered: true,
    stateCode: "27",
    addressLine1: "1254 C Ward, Laxmipuri",
    addressLine2: "Opp. Dhanyabazar",
    city: "Kolhapur",
    pincode: "416002",
    email: "santosh@patilprovision.example",
    phone: "+91 98231 40962",
    users: [{ email: "santosh@patilprovision.example", name: "Santosh Patil", phone: "+91 98231 40962", role: "OWNER" }],
  },
  {
    key: "laxmi",
    legalName: "Laxmi Kirana & General Stores",
    tradeName: "Laxmi Kirana",
    pan: null,
    registered: false,
    stateCode: "27",
    addressLine1: "Shop 5, Sasane Nagar Road",
    addressLine2: "Hadapsar",
    city: "Pune",
    pincode: "411028",
    email: "laxmikirana.hadapsar@example.in",
    phone: "+91 98601 22378",
    users: [{ email: "dnyaneshwar@laxmikirana.example", name: "Dnyaneshwar Sasane", phone: "+91 98601 22378", role: "OWNER" }],
  },
  {
    key: "balaji",
    legalName: "Shree Balaji General Stores",
    tradeName: "Balaji Stores",
    pan: "AAKFB6630R",
    registered: true,
    stateCode: "24",
    addressLine1: "G-12, Swastik Complex, Adajan Patiya",
    addressLine2: "Adajan",
    city: "Surat",
    pincode: "395009",
    email: "kiran@balajistores.example",
    phone: "+91 98252 81146",
    users: [{ email: "kiran@balajistores.example", name: "Kiran Agarwal", phone: "+91 98252 81146", role: "OWNER" }],
  },
  {
    key: "mehta",
    legalName: "Mehta Departmental Store",
    tradeName: null,
    pan: "AWNPM3361J",
    registered: true,
    stateCode: "24",
    addressLine1: "14, Sahjanand Complex, C. G. Road",
    addressLine2: "Navrangpura",
    city: "Ahmedabad",
    pincode: "380009",
    email: "bhavesh@mehtastore.example",
    phone: "+91 98240 35597",
    users: [{ email: "bhavesh@mehtastore.example", name: "Bhavesh Mehta", phone: "+91 98240 35597", role: "OWNER" }],
  },
  {
    key: "freshmart",
    legalName: "Freshmart Retail Pvt. Ltd.",
    tradeName: "FreshMart Supermarket",
    pan: "AAFCF5521K",
    registered: true,
    stateCode: "29",
    addressLine1: "No. 84, 100 Feet Road, HAL 2nd Stage",
    addressLine2: "Indiranagar",
    city: "Bengaluru",
    pincode: "560038",
    email: "purchase@freshmart.example",
    phone: "+91 98455 70213",
    users: [
      { email: "arjun@freshmart.example", name: "Arjun Reddy", phone: "+91 98455 70213", role: "OWNER" },
      { email: "purchase@freshmart.example", name: "Shwetha Kumar", phone: "+91 98455 70219", role: "STAFF" },
    ],
  },
  {
    key: "annapoorna",
    legalName: "Annapoorna Super Market",
    tradeName: null,
    pan: "AAGFA9052H",
    registered: true,
    stateCode: "33",
    addressLine1: "No. 27, Usman Road",
    addressLine2: "T. Nagar",
    city: "Chennai",
    pincode: "600017",
    email: "karthik@annapoorna.example",
    phone: "+91 98400 61834",
    users: [{ email: "karthik@annapoorna.example", name: "Karthik Subramanian", phone: "+91 98400 61834", role: "OWNER" }],
  },
  {
    key: "gupta",
    legalName: "Gupta Traders",
    tradeName: null,
    pan: "ABMFG1187D",
    registered: true,
    stateCode: "23",
    addressLine1: "22, Siyaganj Main Road",
    addressLine2: null,
    city: "Indore",
    pincode: "452007",
    email: "rajesh@guptatraders.example",
    phone: "+91 98260 48820",
    users: [{ email: "rajesh@guptatraders.example", name: "Rajesh Gupta", phone: "+91 98260 48820", role: "OWNER" }],
  },
];

// Trading connections: which retailer buys from which vendor, on what terms.
type SeedConnection = {
  company: string;
  retailer: string;
  customerCode: string;
  creditLimit: string;
  paymentTermsDays: number;
  notes: string | null;
  status?: "SUSPENDED" | "ENDED";
};
const connections: SeedConnection[] = [
  { company: "SGAF", retailer: "sharma", customerCode: "NSK-0042", creditLimit: "150000.00", paymentTermsDays: 30, notes: "Weekly order on Monday; deliver before 11 am." },
  { company: "SGAF", retailer: "patil", customerCode: "KOP-0007", creditLimit: "100000.00", paymentTermsDays: 21, notes: null },
  { company: "SGAF", retailer: "laxmi", customerCode: "PUN-0118", creditLimit: "25000.00", paymentTermsDays: 7, notes: "Unregistered dealer: B2C invoice." },
  { company: "SGAF", retailer: "freshmart", customerCode: "BLR-0003", creditLimit: "500000.00", paymentTermsDays: 45, notes: "Inter-state (IGST). PO number required on every invoice." },
  { company: "NVRT", retailer: "balaji", customerCode: "SRT-0101", creditLimit: "200000.00", paymentTermsDays: 30, notes: null },
  { company: "NVRT", retailer: "mehta", customerCode: "AMD-0034", creditLimit: "120000.00", paymentTermsDays: 30, notes: null },
  { company: "NVRT", retailer: "sharma", customerCode: "MH-0005", creditLimit: "50000.00", paymentTermsDays: 15, notes: "Bedsheets and towels only." },
  { company: "KCDB", retailer: "freshmart", customerCode: "IND-0012", creditLimit: "750000.00", paymentTermsDays: 30, notes: null },
  { company: "KCDB", retailer: "annapoorna", customerCode: "CHN-0021", creditLimit: "300000.00", paymentTermsDays: 30, notes: "Inter-state (IGST)." },
  // Not every relationship is healthy: one on hold over overdue bills, one that has ended.
  { company: "KCDB", retailer: "patil", customerCode: "KOP-0033", creditLimit: "80000.00", paymentTermsDays: 15, notes: "On hold: two invoices over 60 days.", status: "SUSPENDED" },
  { company: "NVRT", retailer: "laxmi", customerCode: "PUN-0061", creditLimit: "0.00", paymentTermsDays: 0, notes: "Shop closed the textile counter in Sept 2025.", status: "ENDED" },
];

/** Open invitations, sent through the real invitation flow (the link is in the dev outbox). */
const invitations = [
  { company: "SGAF", by: "owner@shreeganesh.example", email: "orders@vinayakmart.example", businessName: "Vinayak Super Mart", contactName: "Sachin Kulkarni", phone: "+91 98220 61734", customerCode: "SAT-0009", creditLimit: "60000", paymentTermsDays: 15 },
] as const;

const joinRequests = [
  { company: "SGAF", retailer: "gupta", requestedBy: "rajesh@guptatraders.example", message: "We are wholesalers in Siyaganj and want to stock your poha, besan and rava. Monthly volume about 2 tonnes." },
] as const;

const ACTIVATED_AT = new Date("2025-04-01T04:30:00.000Z");
const DEACTIVATED_AT = new Date("2025-09-30T12:30:00.000Z");
const SUSPENDED_AT = new Date("2025-11-10T06:00:00.000Z");

async function main() {
  const t0 = performance.now();
  let stopDb: (() => Promise<void>) | undefined;
  if (!process.env.DATABASE_URL) {
    const db = await resolveDatabase();
    stopDb = db.stop;
    try {
      const r = await migrate(db.url, { log: (m) => console.log(m) });
      if (r.applied.length) console.log(`migrations: ${r.applied.length} applied`);
    } catch (err) {
      await db.stop();
      throw err;
    }
    process.env.DATABASE_URL = db.url;
  }
  // Invitation links are signed; a local run signs them with the same secret the app uses.
  process.env.AUTH_SECRET ??= localSecret();
  // Imported only now: the client reads DATABASE_URL when first used.
  const { prisma, pool, disconnect } = await import("../lib/db/client");
  const { loadActor } = await import("../lib/auth/load-actor");
  const { makeCtx } = await import("../lib/ctx");
  const { createInvitation } = await import("../lib/network/invitations");
  const { seedCatalogs } = await import("./demo-catalog/seed-catalog");
  const { seedOrders } = await import("./demo-catalog/seed-orders");
  const { seedBilling } = await import("./demo-catalog/seed-billing");
  const { seedGateway } = await import("./demo-catalog/seed-gateway");
  const { seedDeliveryDay } = await import("./demo-catalog/seed-delivery-day");
  const { seedGstReturns } = await import("./demo-catalog/seed-gst-returns");
  const { seedLogisticsCore } = await import("./demo-catalog/seed-logistics-core");
  // pool.end() resolves before idle sockets have closed; stopping the embedded server right after
  // makes PostgreSQL terminate them, which is expected here and must not crash the process.
  pool().on("error", () => {});
  try {
    const passwordHash = await hashPassword(DEMO_PASSWORD);

    const companyIds = new Map<string, string>();
    for (const c of companies) {
      const data = { ...c, gstin: makeGstin(c.stateCode, c.pan) };
      const row = await prisma.company.upsert({ where: { code: c.code }, create: data, update: {}, select: { id: true } });
      companyIds.set(c.code, row.id);
    }

    const userIds = new Map<string, string>();
    const ensureUser = async (u: { email: string; name: string; phone: string }, kind: "STAFF" | "RETAILER") => {
      const email = u.email.toLowerCase();
      const row = await prisma.user.upsert({
        where: { email },
        create: { email, name: u.name, phone: u.phone, kind, passwordHash },
        update: {},
        select: { id: true, passwordHash: true },
      });
      // An invited user without a password still gets the demo one; a changed password is kept.
      if (!row.passwordHash) await prisma.user.update({ where: { id: row.id }, data: { passwordHash } });
      userIds.set(email, row.id);
      return row.id;
    };

    for (const s of staff) {
      const userId = await ensureUser(s, "STAFF");
      for (const m of s.memberships) {
        const companyId = companyIds.get(m.company)!;
        const active = m.active ?? true;
        await prisma.membership.upsert({
          where: { companyId_userId: { companyId, userId } },
          create: { companyId, userId, role: m.role, title: m.title, active, deactivatedAt: active ? null : DEACTIVATED_AT },
          update: {},
        });
      }
    }

    const retailerIds = new Map<string, string>();
    for (const r of retailers) {
      const gstin = r.registered && r.pan ? makeGstin(r.stateCode, r.pan) : null;
      const data = {
        legalName: r.legalName,
        tradeName: r.tradeName,
        gstin,
        pan: r.pan,
        stateCode: r.stateCode,
        addressLine1: r.addressLine1,
        addressLine2: r.addressLine2,
        city: r.city,
        pincode: r.pincode,
        email: r.email,
        phone: r.phone,
      };
      let id: string;
      if (gstin) {
        id = (await prisma.retailer.upsert({ where: { gstin }, create: data, update: {}, select: { id: true } })).id;
      } else {
        // No GSTIN to key on: an unregistered retailer is found by name, city and PIN code.
        const found = await prisma.retailer.findFirst({ where: { gstin: null, legalName: r.legalName, city: r.city, pincode: r.pincode }, select: { id: true } });
        id = found?.id ?? (await prisma.retailer.create({ data, select: { id: true } })).id;
      }
      retailerIds.set(r.key, id);
      for (const u of r.users) {
        const userId = await ensureUser(u, "RETAILER");
        await prisma.retailerMembership.upsert({
          where: { retailerId_userId: { retailerId: id, userId } },
          create: { retailerId: id, userId, role: u.role },
          update: {},
        });
      }
    }

    for (const c of connections) {
      const companyId = companyIds.get(c.company)!;
      const retailerId = retailerIds.get(c.retailer)!;
      const retailer = retailers.find((r) => r.key === c.retailer)!;
      await prisma.connection.upsert({
        where: { companyId_retailerId: { companyId, retailerId } },
        create: {
          companyId,
          retailerId,
          status: c.status ?? "ACTIVE",
          customerCode: c.customerCode,
          creditLimit: c.creditLimit,
          paymentTermsDays: c.paymentTermsDays,
          placeOfSupply: retailer.stateCode,
          notes: c.notes,
          activatedAt: ACTIVATED_AT,
          suspendedAt: c.status === "SUSPENDED" ? SUSPENDED_AT : null,
          endedAt: c.status === "ENDED" ? DEACTIVATED_AT : null,
        },
        update: {},
      });
    }

    for (const j of joinRequests) {
      const companyId = companyIds.get(j.company)!;
      const retailerId = retailerIds.get(j.retailer)!;
      const exists = await prisma.joinRequest.findFirst({ where: { companyId, retailerId }, select: { id: true } });
      if (!exists) {
        await prisma.joinRequest.create({ data: { companyId, retailerId, requestedById: userIds.get(j.requestedBy)!, message: j.message } });
      }
    }

    for (const i of invitations) {
      const companyId = companyIds.get(i.company)!;
      const open = await prisma.invitation.findFirst({ where: { companyId, email: i.email }, select: { id: true } });
      if (open) continue;
      const actor = await loadActor(prisma, userIds.get(i.by)!, companyId);
      const { company: _c, by: _b, ...input } = i;
      await createInvitation(makeCtx(actor!, { db: prisma }), input);
    }

    await seedCatalogs(prisma, { companyIds, userIds, retailerIds });
    // A year of bills, receipts and credit notes before the three weeks of orders (the charts' history).
    await (await import("./demo-catalog/seed-history")).seedHistory(prisma, { companyIds, userIds, retailerIds });
    await seedOrders(prisma, { companyIds, userIds, retailerIds });
    await seedBilling(prisma, { companyIds, userIds, retailerIds });
    await seedGateway(prisma, { companyIds, userIds, retailerIds });
    // Fleet first (vans and drivers), then trips and shipments on them, their papers, today's Pune beat.
    await (await import("./demo-catalog/seed-logistics-fleet")).seedLogisticsFleet(prisma, { companyIds, userIds, retailerIds });
    await seedLogisticsCore(prisma, { companyIds, userIds, retailerIds });
    await (await import("./demo-catalog/seed-logistics-docs")).seedLogisticsDocs(prisma, { companyIds, userIds, retailerIds });
    await seedDeliveryDay(prisma, { companyIds, userIds });
    await seedGstReturns(prisma, { companyIds, userIds, retailerIds });

    const [nCompanies, nUsers, nMemberships, nRetailers, nRetailerUsers, nConnections, nInvitations, nRequests] = await Promise.all([
      prisma.company.count(),
      prisma.user.count({ where: { kind: "STAFF" } }),
      prisma.membership.count(),
      prisma.retailer.count(),
      prisma.user.count({ where: { kind: "RETAILER" } }),
      prisma.connection.count(),
      prisma.invitation.count({ where: { status: "PENDING" } }),
      prisma.joinRequest.count({ where: { status: "PENDING" } }),
    ]);
    console.log(
      [
        `seed: done in ${((performance.now() - t0) / 1000).toFixed(1)}s`,
        `  ${nCompanies} companies (${companies.map((c) => c.code).join(", ")}), ${nUsers} staff users, ${nMemberships} memberships`,
        `  ${nRetailers} retailers, ${nRetailerUsers} retailer users, ${nConnections} connections, ${nInvitations} open invitations, ${nRequests} join requests waiting`,
        ...(await catalogSummary(prisma, companyIds)),
        `  logins (password ${DEMO_PASSWORD}): owner@shreeganesh.example, sales@shreeganesh.example, ravi@sharmakirana.example`,
      ].join("\n"),
    );
  } finally {
    // Orders enqueued their notification jobs; the app's workers send them.
    await (await import("../lib/jobs/boss")).stopBoss();
    await disconnect();
    await stopDb?.();
  }
}

/** One line per vendor: what its catalog and stock look like after seeding. */
async function catalogSummary(prisma: import("../lib/db/client").PrismaClient, companyIds: Map<string, string>) {
  const lines: string[] = [];
  for (const [code, companyId] of companyIds) {
    const [categories, products, lists, prices, warehouses, receipts, transfers, counts, movements, stock] = await Promise.all([
      prisma.category.count({ where: { companyId } }),
      prisma.product.count({ where: { companyId } }),
      prisma.priceList.count({ where: { companyId } }),
      prisma.priceListItem.count({ where: { companyId } }),
      prisma.warehouse.count({ where: { companyId } }),
      prisma.goodsReceipt.count({ where: { companyId } }),
      prisma.stockTransfer.count({ where: { companyId } }),
      prisma.stockCount.count({ where: { companyId } }),
      prisma.stockMovement.count({ where: { companyId } }),
      prisma.$queryRaw<{ status: string; n: number }[]>`
        SELECT CASE WHEN a.available <= 0 THEN 'out' WHEN a.available <= p."reorderLevel" THEN 'low' ELSE 'in stock' END AS status, count(*)::int AS n
        FROM "Product" p
        CROSS JOIN LATERAL (SELECT COALESCE(SUM(s."onHand" - s.reserved), 0) AS available FROM "StockLevel" s WHERE s."productId" = p.id) a
        WHERE p."companyId" = ${companyId} AND p.active GROUP BY 1 ORDER BY 1`,
    ]);
    const byStatus = stock.map((s) => `${s.n} ${s.status}`).join(", ");
    lines.push(
      `  ${code}: ${categories} categories, ${products} products, ${lists} price lists (${prices} prices), ${warehouses} warehouses, ${receipts} receipts, ${transfers} transfers, ${counts} counts, ${movements} ledger rows; active products: ${byStatus || "none"}`,
    );
  }
  return lines;
}

main().catch((err) => {
  console.error("seed failed:", err instanceof Error ? err.message : err);
  process.exitCode = 1;
});

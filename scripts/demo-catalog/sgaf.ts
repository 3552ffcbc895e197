// Shree Ganesh Agro Foods, Pune (SGAF): a Maharashtra staples and snacks brand packed at Chakan,
// sold to kirana stores, wholesalers and one Bengaluru supermarket.
// GST rates are those in force since 22 Sep 2025 (ghee and namkeen 12% → 5%, biscuits 18% → 5%,
// khakhra 5% → nil); packaged and labelled staples stay at 5%, bulk packs not meant for retail
// sale are nil-rated, sugar is 5% however it is packed.
import { less, slabs, type DemoCatalog, type DemoProduct } from "./types";

const SG = "Shree Ganesh";
const GOLD = "Ganesh Gold";
// Not for retail sale, so not "pre-packaged and labelled" (as defined since Jan 2025): nil-rated.
const INSTITUTIONAL = "For hotels, caterers and sweet marts; not for retail sale, so not pre-packaged and labelled: nil GST. Priced per kg, sold in 25 kg bags.";

const products: DemoProduct[] = [
  // Poha (flattened rice), HSN 1904 90: 5% when pre-packaged and labelled.
  { sku: "SG-PH-THK-500", name: "Thick Poha 500 g", category: "Poha", brand: SG, hsnCode: "19049000", gstRate: "5", unit: "PCS", pack: ["CTN", 30], mrp: "45.00", price: "34.50", cost: "28.40", moq: 30, reorder: 300, barcode: true, supplier: "poha", recv: [1200, 900, 600] },
  { sku: "SG-PH-THK-1K", name: "Thick Poha 1 kg", category: "Poha", brand: SG, hsnCode: "19049000", gstRate: "5", unit: "PCS", pack: ["CTN", 20], mrp: "85.00", price: "65.00", cost: "53.80", moq: 20, reorder: 200, barcode: true, supplier: "poha", recv: [800, 600, 400] },
  { sku: "SG-PH-MED-1K", name: "Medium Poha 1 kg", category: "Poha", brand: SG, hsnCode: "19049000", gstRate: "5", unit: "PCS", pack: ["CTN", 20], mrp: "85.00", price: "65.00", cost: "54.10", moq: 20, reorder: 0, barcode: true, active: false, description: "Discontinued Aug 2026: merged into Thick Poha 1 kg.", supplier: "poha", recv: [] },
  { sku: "SG-PH-THN-500", name: "Thin (Patal) Poha 500 g", category: "Poha", brand: SG, hsnCode: "19049000", gstRate: "5", unit: "PCS", pack: ["CTN", 30], mrp: "48.00", price: "36.50", cost: "30.20", moq: 30, reorder: 150, barcode: true, supplier: "poha", recv: [600, 300] },
  { sku: "SG-PH-NYL-1K", name: "Nylon Poha 1 kg", category: "Poha", brand: GOLD, hsnCode: "19049000", gstRate: "5", unit: "PCS", pack: ["CTN", 20], mrp: "95.00", price: "72.50", cost: "60.50", moq: 20, reorder: 100, barcode: true, description: "Extra-thin poha for chivda.", supplier: "poha", recv: [80] },
  { sku: "SG-PH-THK-25K", name: "Thick Poha – Institutional Pack 25 kg", category: "Poha", brand: SG, hsnCode: "19049000", gstRate: "0", unit: "KGS", pack: ["BAG", 25], sellInPacks: true, mrp: null, price: "54.00", cost: "46.50", moq: 25, reorder: 250, description: INSTITUTIONAL, supplier: "poha", recv: [1000, 500] },

  // Besan (1106 10) and flours (1101, 1102): 5% pre-packaged and labelled.
  { sku: "SG-BS-500", name: "Besan (Gram Flour) 500 g", category: "Besan & Flours", brand: SG, hsnCode: "11061000", gstRate: "5", unit: "PCS", pack: ["CTN", 30], mrp: "62.00", price: "47.00", cost: "39.20", moq: 30, reorder: 300, barcode: true, supplier: "besan", recv: [900, 600, 600] },
  { sku: "SG-BS-1K", name: "Besan (Gram Flour) 1 kg", category: "Besan & Flours", brand: SG, hsnCode: "11061000", gstRate: "5", unit: "PCS", pack: ["CTN", 20], mrp: "118.00", price: "89.50", cost: "75.00", moq: 20, reorder: 250, barcode: true, supplier: "besan", recv: [700, 500, 500] },
  { sku: "SG-BS-25K", name: "Besan – Institutional Pack 25 kg", category: "Besan & Flours", brand: SG, hsnCode: "11061000", gstRate: "0", unit: "KGS", pack: ["BAG", 25], sellInPacks: true, mrp: null, price: "84.00", cost: "71.50", moq: 25, reorder: 250, description: INSTITUTIONAL, supplier: "besan", recv: [750, 500] },
  { sku: "SG-AT-5K", name: "Chakki Fresh Atta 5 kg", category: "Besan & Flours", brand: SG, hsnCode: "11010000", gstRate: "5", unit: "PCS", mrp: "275.00", price: "212.00", cost: "181.00", moq: 4, reorder: 80, barcode: true, supplier: "atta", recv: [300, 200, 150] },
  { sku: "SG-AT-10K", name: "Chakki Fresh Atta 10 kg", category: "Besan & Flours", brand: SG, hsnCode: "11010000", gstRate: "5", unit: "PCS", mrp: "530.00", price: "410.00", cost: "352.00", moq: 2, reorder: 40, barcode: true, supplier: "atta", recv: [120, 0, 30] },
  { sku: "SG-RF-500", name: "Rice Flour 500 g", category: "Besan & Flours", brand: SG, hsnCode: "110290", gstRate: "5", unit: "PCS", pack: ["CTN", 30], mrp: "40.00", price: "30.50", cost: "25.00", moq: 30, reorder: 120, barcode: true, supplier: "atta", recv: [150] },
  { sku: "SG-JF-1K", name: "Jowar Flour 1 kg", category: "Besan & Flours", brand: SG, hsnCode: "110290", gstRate: "5", unit: "PCS", pack: ["CTN", 20], mrp: "70.00", price: "54.00", cost: "45.00", moq: 20, reorder: 100, barcode: true, supplier: "atta", recv: [100] },

  // Rava / sooji (groats of wheat, 1103 11): 5%.
  { sku: "SG-RV-500", name: "Bombay Rava (Sooji) 500 g", category: "Rava & Sooji", brand: SG, hsnCode: "11031100", gstRate: "5", unit: "PCS", pack: ["CTN", 30], mrp: "36.00", price: "27.50", cost: "22.60", moq: 30, reorder: 200, barcode: true, supplier: "atta", recv: [900, 600, 300] },
  { sku: "SG-RV-1K", name: "Bombay Rava (Sooji) 1 kg", category: "Rava & Sooji", brand: SG, hsnCode: "11031100", gstRate: "5", unit: "PCS", pack: ["CTN", 20], mrp: "68.00", price: "52.00", cost: "43.00", moq: 20, reorder: 150, barcode: true, supplier: "atta", recv: [500, 400] },
  { sku: "SG-RV-BAN-1K", name: "Bansi Rava 1 kg", category: "Rava & Sooji", brand: GOLD, hsnCode: "11031100", gstRate: "5", unit: "PCS", pack: ["CTN", 20], mrp: "90.00", price: "69.00", cost: "57.50", moq: 20, reorder: 60, barcode: true, supplier: "atta", recv: [200, 100] },

  // Sugar and jaggery (1701): 5%.
  { sku: "SG-SG-1K", name: "Sugar M-30 1 kg", category: "Sugar & Jaggery", brand: SG, hsnCode: "17019990", gstRate: "5", unit: "PCS", pack: ["BDL", 25], mrp: "52.00", price: "43.00", cost: "39.50", moq: 25, reorder: 300, barcode: true, supplier: "sugar", recv: [1000, 1000, 500] },
  { sku: "SG-SG-50K", name: "Sugar M-30 – 50 kg Bag", category: "Sugar & Jaggery", brand: SG, hsnCode: "17019990", gstRate: "5", unit: "KGS", pack: ["BAG", 50], sellInPacks: true, mrp: null, price: "40.40", cost: "38.60", moq: 50, reorder: 1000, description: "Trade pack for repacking and sweet marts. Priced per kg, sold in 50 kg bags.", supplier: "sugar", recv: [5000, 5000, 2500] },
  { sku: "SG-JG-1K", name: "Kolhapuri Jaggery (Gul) 1 kg", category: "Sugar & Jaggery", brand: SG, hsnCode: "170113", gstRate: "5", unit: "PCS", pack: ["CTN", 20], mrp: "75.00", price: "58.00", cost: "48.00", moq: 20, reorder: 100, barcode: true, supplier: "gul", recv: [400, 200] },
  { sku: "SG-JG-PWD-500", name: "Jaggery Powder 500 g", category: "Sugar & Jaggery", brand: SG, hsnCode: "170113", gstRate: "5", unit: "PCS", pack: ["CTN", 30], mrp: "55.00", price: "42.00", cost: "35.00", moq: 30, reorder: 90, barcode: true, supplier: "gul", recv: [90] },

  // Ghee (0405 90): 12% → 5% from 22 Sep 2025. Edible oils (1508, 1512): 5%.
  { sku: "SG-GH-500", name: "Pure Cow Ghee 500 ml Jar", category: "Ghee", brand: GOLD, hsnCode: "04059020", gstRate: "5", unit: "PCS", pack: ["CTN", 24], mrp: "330.00", price: "282.00", cost: "248.00", moq: 12, reorder: 120, barcode: true, supplier: "ghee", recv: [480, 240, 240] },
  { sku: "SG-GH-1L", name: "Pure Cow Ghee 1 L Pouch", category: "Ghee", brand: GOLD, hsnCode: "04059020", gstRate: "5", unit: "PCS", pack: ["CTN", 12], mrp: "640.00", price: "548.00", cost: "486.00", moq: 12, reorder: 100, barcode: true, supplier: "ghee", recv: [360, 240] },
  { sku: "SG-GH-15K", name: "Pure Cow Ghee 15 kg Tin", category: "Ghee", brand: GOLD, hsnCode: "04059020", gstRate: "5", unit: "CAN", mrp: "9450.00", price: "8350.00", cost: "7600.00", moq: 1, reorder: 10, barcode: true, supplier: "ghee", recv: [8] },
  { sku: "SG-OL-GN-1L", name: "Cold-Pressed Groundnut Oil 1 L", category: "Edible Oils", brand: SG, hsnCode: "150890", gstRate: "5", unit: "PCS", pack: ["CTN", 12], mrp: "245.00", price: "205.00", cost: "182.00", moq: 12, reorder: 120, barcode: true, supplier: "oil", recv: [360, 240, 240] },
  { sku: "SG-OL-GN-15L", name: "Groundnut Oil 15 L Tin", category: "Edible Oils", brand: SG, hsnCode: "150890", gstRate: "5", unit: "CAN", mrp: "3150.00", price: "2780.00", cost: "2520.00", moq: 1, reorder: 20, barcode: true, supplier: "oil", recv: [40, 30] },
  { sku: "SG-OL-SF-1L", name: "Refined Sunflower Oil 1 L Pouch", category: "Edible Oils", brand: SG, hsnCode: "151219", gstRate: "5", unit: "PCS", pack: ["CTN", 10], mrp: "165.00", price: "139.00", cost: "126.00", moq: 10, reorder: 200, barcode: true, supplier: "oil", recv: [600, 400, 400] },

  // Namkeen (2106 90): 12% → 5%. Biscuits and rusk (1905): 18%/5% → 5%. Khakhra: 5% → nil.
  { sku: "SG-NM-BKW-250", name: "Pune Bhakarwadi 250 g", category: "Namkeen & Farsan", brand: SG, hsnCode: "210690", gstRate: "5", unit: "PCS", pack: ["CTN", 40], mrp: "90.00", price: "70.00", cost: "55.00", moq: 20, reorder: 150, barcode: true, supplier: "own", recv: [400, 300, 300] },
  { sku: "SG-NM-CHV-400", name: "Nashik Chivda 400 g", category: "Namkeen & Farsan", brand: SG, hsnCode: "210690", gstRate: "5", unit: "PCS", pack: ["CTN", 30], mrp: "95.00", price: "72.00", cost: "58.00", moq: 30, reorder: 120, barcode: true, supplier: "own", recv: [300, 300, 240] },
  { sku: "SG-NM-SEV-400", name: "Besan Sev 400 g", category: "Namkeen & Farsan", brand: SG, hsnCode: "210690", gstRate: "5", unit: "PCS", pack: ["CTN", 30], mrp: "85.00", price: "65.00", cost: "51.00", moq: 30, reorder: 120, barcode: true, supplier: "own", recv: [300, 240] },
  { sku: "SG-NM-FAR-1K", name: "Farsan Mix 1 kg", category: "Namkeen & Farsan", brand: SG, hsnCode: "210690", gstRate: "5", unit: "PCS", pack: ["CTN", 12], mrp: "210.00", price: "162.00", cost: "131.00", moq: 12, reorder: 48, barcode: true, supplier: "own", recv: [96, 48] },
  { sku: "SG-BC-GLU-75", name: "Glucose Biscuits 75 g", category: "Biscuits & Rusk", brand: SG, hsnCode: "19053100", gstRate: "5", unit: "PCS", pack: ["BOX", 48], sellInPacks: true, mrp: "10.00", price: "7.90", cost: "6.60", moq: 48, reorder: 960, barcode: true, supplier: "bakery", recv: [4800, 2880, 2880] },
  { sku: "SG-BC-NAN-200", name: "Elaichi Nankhatai 200 g", category: "Biscuits & Rusk", brand: SG, hsnCode: "19053100", gstRate: "5", unit: "PCS", pack: ["BOX", 24], sellInPacks: true, mrp: "60.00", price: "46.00", cost: "37.00", moq: 24, reorder: 144, barcode: true, supplier: "bakery", recv: [480, 240] },
  { sku: "SG-RK-ELA-300", name: "Elaichi Rusk 300 g", category: "Biscuits & Rusk", brand: SG, hsnCode: "19054000", gstRate: "5", unit: "PCS", pack: ["BOX", 24], sellInPacks: true, mrp: "55.00", price: "42.00", cost: "34.00", moq: 24, reorder: 144, barcode: true, supplier: "bakery", recv: [480, 0, 240] },
  { sku: "SG-KH-MET-200", name: "Methi Khakhra 200 g", category: "Biscuits & Rusk", brand: SG, hsnCode: "190590", gstRate: "0", unit: "PCS", pack: ["BOX", 24], sellInPacks: true, mrp: "70.00", price: "56.00", cost: "44.00", moq: 24, reorder: 96, barcode: true, description: "New launch (Nov 2026). Khakhra is nil-rated since 22 Sep 2025. First batch awaited.", supplier: "bakery", recv: [], leadTime: null }, // no batch made yet, so no lead time known

  // Tea (0902 30, packed up to 3 kg): 5%.
  { sku: "SG-TE-250", name: "Premium CTC Tea 250 g", category: "Tea", brand: SG, hsnCode: "090230", gstRate: "5", unit: "PCS", pack: ["CTN", 40], mrp: "140.00", price: "110.00", cost: "92.00", moq: 20, reorder: 160, barcode: true, supplier: "tea", recv: [480, 320, 320] },
  { sku: "SG-TE-1K", name: "Premium CTC Tea 1 kg", category: "Tea", brand: SG, hsnCode: "090230", gstRate: "5", unit: "PCS", pack: ["CTN", 12], mrp: "520.00", price: "415.00", cost: "352.00", moq: 12, reorder: 72, barcode: true, supplier: "tea", recv: [144, 96] },

  // Spices (0904, 0910): 5%.
  { sku: "SG-MS-GRM-100", name: "Garam Masala 100 g", category: "Spices & Masala", brand: SG, hsnCode: "091091", gstRate: "5", unit: "PCS", pack: ["BOX", 60], mrp: "85.00", price: "64.00", cost: "50.00", moq: 12, reorder: 120, barcode: true, supplier: "masala", recv: [360, 240] },
  { sku: "SG-MS-KLM-200", name: "Kolhapuri Kanda Lasun Masala 200 g", category: "Spices & Masala", brand: SG, hsnCode: "091091", gstRate: "5", unit: "PCS", pack: ["BOX", 40], mrp: "120.00", price: "92.00", cost: "73.00", moq: 12, reorder: 100, barcode: true, supplier: "masala", recv: [300, 240] },
  { sku: "SG-MS-HLD-200", name: "Turmeric (Haldi) Powder 200 g", category: "Spices & Masala", brand: SG, hsnCode: "091030", gstRate: "5", unit: "PCS", pack: ["BOX", 40], mrp: "64.00", price: "48.50", cost: "39.00", moq: 12, reorder: 150, barcode: true, supplier: "masala", recv: [480, 360] },
  { sku: "SG-MS-MRC-200", name: "Red Chilli Powder 200 g", category: "Spices & Masala", brand: SG, hsnCode: "090422", gstRate: "5", unit: "PCS", pack: ["BOX", 40], mrp: "90.00", price: "68.00", cost: "55.00", moq: 12, reorder: 150, barcode: true, supplier: "masala", recv: [480, 240] },

  // Groundnut kernels (1202 42): 5%.
  { sku: "SG-GN-1K", name: "Groundnut Kernels (Shengdana) Bold 1 kg", category: "Groundnuts", brand: SG, hsnCode: "12024200", gstRate: "5", unit: "PCS", pack: ["CTN", 20], mrp: "170.00", price: "132.00", cost: "112.00", moq: 20, reorder: 100, barcode: true, supplier: "oil", recv: [300, 200] },
];

const wholesaleSlabs: [number, number][] = [
  [1, 2],
  [100, 4],
  [500, 6],
];
const tinSlabs: [number, number][] = [
  [1, 1.5],
  [10, 3],
  [50, 4.5],
];

export const sgaf: DemoCatalog = {
  company: "SGAF",
  barcodePrefix: "890651420",
  categories: [
    { name: "Staples", children: [{ name: "Poha" }, { name: "Besan & Flours" }, { name: "Rava & Sooji" }, { name: "Sugar & Jaggery" }, { name: "Groundnuts" }] },
    { name: "Ghee & Edible Oils", children: [{ name: "Ghee" }, { name: "Edible Oils" }] },
    { name: "Snacks", children: [{ name: "Namkeen & Farsan" }, { name: "Biscuits & Rusk" }] },
    { name: "Tea" },
    { name: "Spices & Masala" },
  ],
  products,
  // Lead times from ordering to the goods at Chakan: 2 days from the own farsan unit and the mill
  // next door, 3–5 from the Maharashtra mills and dairies, 12 for tea from the Nilgiris; the masala
  // works has none set, so the reorder report's default applies to its products.
  suppliers: [
    { key: "poha", name: "Annapurna Poha Udyog, Indore", invoicePrefix: "APU/26-27/", firstNo: 412, leadTimeDays: 5 },
    { key: "besan", name: "Mahalaxmi Dal & Besan Mill, Jalgaon", invoicePrefix: "MDBM/", firstNo: 1143, leadTimeDays: 4 },
    { key: "atta", name: "Sai Roller Flour Mills, Kurkumbh", invoicePrefix: "SRFM/26-27/", firstNo: 2318, leadTimeDays: 2 },
    { key: "sugar", name: "Ambika Sahakari Sakhar Karkhana Ltd., Baramati", invoicePrefix: "ASSK/", firstNo: 8812, leadTimeDays: 3 },
    { key: "gul", name: "Kolhapur Gul Vyapari Sangh", invoicePrefix: "KGVS/", firstNo: 377, leadTimeDays: 4 },
    { key: "ghee", name: "Varad Dairy Products, Sangamner", invoicePrefix: "VDP/", firstNo: 2291, leadTimeDays: 3 },
    { key: "oil", name: "Latur Oil Mills Pvt. Ltd.", invoicePrefix: "LOM/26-27/", firstNo: 905, leadTimeDays: 5 },
    { key: "own", name: "Own production – Chakan farsan unit", invoicePrefix: "BATCH/", firstNo: 2604, leadTimeDays: 2 },
    { key: "bakery", name: "Deccan Bakers Pvt. Ltd., Sinnar", invoicePrefix: "DBPL/", firstNo: 1590, leadTimeDays: 3 },
    { key: "tea", name: "Nilgiri Hills Tea Traders, Coonoor", invoicePrefix: "NHTT/", firstNo: 3307, leadTimeDays: 12 },
    { key: "masala", name: "Rajapur Masala Works, Sangli", invoicePrefix: "RMW/", firstNo: 1876 },
  ],
  receiptRounds: [58, 31, 9],
  receiveInto: "CHK",
  priceLists: [
    {
      name: "Standard",
      description: "Trade prices for all retailers (ex-GST, delivered Pune and Nashik).",
      isDefault: true,
      items: [
        ...products.filter((p) => p.active !== false).map((p) => ({ sku: p.sku, price: p.price })),
        // Bulk packs get a slab in the default list too.
        { sku: "SG-PH-THK-25K", minQty: 250, price: "53.00" },
        { sku: "SG-BS-25K", minQty: 250, price: "82.50" },
        { sku: "SG-SG-50K", minQty: 500, price: "39.90" },
      ],
    },
    {
      name: "Wholesale",
      description: "Wholesalers and sub-distributors: slab prices at 100+ and 500+ units (tins at 10+ and 50+).",
      items: [
        ...["SG-PH-THK-500", "SG-PH-THK-1K", "SG-PH-THN-500", "SG-BS-500", "SG-BS-1K", "SG-RV-500", "SG-RV-1K", "SG-SG-1K", "SG-JG-1K", "SG-OL-SF-1L", "SG-TE-250", "SG-BC-GLU-75"].flatMap((sku) =>
          slabs(products, sku, wholesaleSlabs),
        ),
        ...["SG-GH-15K", "SG-OL-GN-15L"].flatMap((sku) => slabs(products, sku, tinSlabs)),
      ],
    },
    {
      name: "Kirana Special",
      description: "Neighbourhood kirana stores on weekly credit. Winter offer on poha and besan; the Diwali offer has ended.",
      items: [
        // Rows of one product with the same minimum quantity may not share a day, so a product on
        // offer has only its offer rows here: outside the offer it is priced from the Standard list.
        ...["SG-PH-THK-500", "SG-BS-500", "SG-RV-500", "SG-SG-1K", "SG-GH-500", "SG-NM-CHV-400", "SG-TE-250", "SG-MS-GRM-100"].map((sku) => ({
          sku,
          price: less(products.find((p) => p.sku === sku)!.price, 1),
        })),
        // Winter offer: valid from the first of last month to the end of next month.
        { sku: "SG-PH-THK-1K", price: "61.50", offer: "current" },
        { sku: "SG-BS-1K", price: "85.00", offer: "current" },
        { sku: "SG-BS-1K", minQty: 100, price: "83.50", offer: "current" },
        // Diwali offer: over.
        { sku: "SG-GH-1L", price: "525.00", offer: "expired" },
        { sku: "SG-NM-BKW-250", price: "66.00", offer: "expired" },
      ],
    },
  ],
  connectionLists: [
    { retailer: "sharma", priceList: "Kirana Special" },
    { retailer: "laxmi", priceList: "Kirana Special" },
    { retailer: "patil", priceList: "Wholesale" },
  ],
  warehouses: [
    { code: "CHK", name: "Chakan Plant", addressLine1: "Gat No. 312, Chakan-Talegaon Road", addressLine2: "Kharabwadi, Chakan", city: "Pune", stateCode: "27", pincode: "410501", isDefault: true },
    { code: "NSK", name: "Nashik Depot", addressLine1: "Gala No. 7, Shree Sai Warehousing, MIDC Ambad", addressLine2: "Ambad", city: "Nashik", stateCode: "27", pincode: "422010", isDefault: false },
  ],
  transfers: [
    {
      from: "CHK",
      to: "NSK",
      notes: "Monthly replenishment of the Nashik depot (truck MH 14 GU 8830).",
      lines: [
        { sku: "SG-PH-THK-500", qty: 300 },
        { sku: "SG-PH-THN-500", qty: 120 },
        { sku: "SG-BS-500", qty: 150 },
        { sku: "SG-BS-1K", qty: 100 },
        { sku: "SG-RV-500", qty: 150 },
        { sku: "SG-SG-1K", qty: 200 },
        { sku: "SG-JG-PWD-500", qty: 60 },
        { sku: "SG-GH-1L", qty: 96 },
        { sku: "SG-OL-SF-1L", qty: 100 },
        { sku: "SG-NM-CHV-400", qty: 90 },
        { sku: "SG-BC-GLU-75", qty: 960 },
        { sku: "SG-RK-ELA-300", qty: 72 },
        { sku: "SG-TE-250", qty: 80 },
      ],
    },
    {
      from: "CHK",
      to: "NSK",
      notes: "Top-up for the Nashik Road beat before the weekend.",
      lines: [
        { sku: "SG-PH-THK-1K", qty: 100 },
        { sku: "SG-GH-500", qty: 48 },
        { sku: "SG-NM-BKW-250", qty: 80 },
        { sku: "SG-MS-KLM-200", qty: 48 },
      ],
    },
  ],
  adjustments: [
    { warehouse: "CHK", sku: "SG-GH-1L", delta: -8, reason: "damaged", note: "8 pouches leaked in transit (Varad Dairy consignment, LR 4471)" },
    { warehouse: "CHK", sku: "SG-AT-10K", delta: -6, reason: "damaged", note: "6 bags torn at unloading in the rain, written off" },
    { warehouse: "CHK", sku: "SG-TE-250", delta: 40, reason: "found", note: "2 cartons not booked on the Nilgiri Hills receipt" },
    { warehouse: "CHK", sku: "SG-RF-500", delta: -40, reason: "expired", note: "Batch RF-0426, best before 31/10/2026" },
    { warehouse: "CHK", sku: "SG-JF-1K", delta: -100, reason: "expired", note: "Lot JF-0526, best before 20/11/2026, destroyed" },
    { warehouse: "NSK", sku: "SG-RK-ELA-300", delta: -24, reason: "expired", note: "Returned by the route salesman, past best before" },
  ],
  stockCounts: [
    {
      warehouse: "NSK",
      notes: "Monthly count, Nashik depot (Amit Deshpande and the depot keeper)",
      differences: [
        { sku: "SG-NM-CHV-400", delta: -2 },
        { sku: "SG-BC-GLU-75", delta: -6 },
      ],
    },
  ],
};

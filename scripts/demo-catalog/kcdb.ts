// Kaveri Distributors, Bengaluru (KCDB): an FMCG distributor for home care, personal care, staples,
// coffee and beverages, stocking at Peenya and selling to supermarkets in Karnataka and Tamil Nadu.
// GST since 22 Sep 2025: toilet soap bars, toothpaste, toothbrushes, shampoo and hair oil 18% → 5%;
// biscuits, chocolates, noodles, ketchup and instant coffee → 5%; detergents and cleaners stay 18%;
// aerated drinks 28% + cess → 40%; salt and sanitary pads nil.
import { slabs, type DemoCatalog, type DemoProduct } from "./types";

const products: DemoProduct[] = [
  // Detergents, dishwash, cleaners (3402 50, preparations put up for retail sale): 18%.
  { sku: "KV-DT-DHV-500", name: "Dhavala Detergent Powder 500 g", category: "Detergents", brand: "Dhavala", hsnCode: "340250", gstRate: "18", unit: "PCS", pack: ["CTN", 24], mrp: "70.00", price: "50.20", cost: "45.00", moq: 24, reorder: 240, barcode: true, supplier: "dhavala", recv: [960, 720, 480] },
  { sku: "KV-DT-DHV-1K", name: "Dhavala Detergent Powder 1 kg", category: "Detergents", brand: "Dhavala", hsnCode: "340250", gstRate: "18", unit: "PCS", pack: ["CTN", 12], mrp: "135.00", price: "96.50", cost: "87.00", moq: 12, reorder: 180, barcode: true, supplier: "dhavala", recv: [720, 480, 360] },
  { sku: "KV-DT-DHV-4K", name: "Dhavala Detergent Powder 4 kg", category: "Detergents", brand: "Dhavala", hsnCode: "340250", gstRate: "18", unit: "PCS", pack: ["CTN", 4], mrp: "499.00", price: "356.00", cost: "322.00", moq: 4, reorder: 40, barcode: true, supplier: "dhavala", recv: [120, 80] },
  { sku: "KV-DT-MAT-1L", name: "Dhavala Matic Front Load Liquid Detergent 1 L", category: "Detergents", brand: "Dhavala", hsnCode: "340250", gstRate: "18", unit: "PCS", pack: ["CTN", 12], mrp: "249.00", price: "178.00", cost: "160.00", moq: 12, reorder: 60, barcode: true, supplier: "dhavala", recv: [144, 96] },
  { sku: "KV-DW-KNT-BAR", name: "Kanti Dishwash Bar 200 g", category: "Dishwash", brand: "Kanti", hsnCode: "340250", gstRate: "18", unit: "PCS", pack: ["CTN", 60], sellInPacks: true, mrp: "25.00", price: "17.80", cost: "15.90", moq: 60, reorder: 600, barcode: true, supplier: "dhavala", recv: [2400, 1800] },
  { sku: "KV-DW-KNT-GEL", name: "Kanti Dishwash Gel 750 ml", category: "Dishwash", brand: "Kanti", hsnCode: "340250", gstRate: "18", unit: "PCS", pack: ["CTN", 12], mrp: "175.00", price: "124.50", cost: "111.00", moq: 12, reorder: 72, barcode: true, supplier: "dhavala", recv: [240, 144] },
  { sku: "KV-FC-SHN-1L", name: "Shine Floor Cleaner, Lavender, 1 L", category: "Surface & Toilet Cleaners", brand: "Shine", hsnCode: "340250", gstRate: "18", unit: "PCS", pack: ["CTN", 12], mrp: "199.00", price: "141.00", cost: "126.00", moq: 12, reorder: 72, barcode: true, supplier: "dhavala", recv: [240, 120] },
  { sku: "KV-TC-SHN-500", name: "Shine Toilet Cleaner 500 ml", category: "Surface & Toilet Cleaners", brand: "Shine", hsnCode: "340250", gstRate: "18", unit: "PCS", pack: ["CTN", 24], mrp: "99.00", price: "70.50", cost: "63.00", moq: 24, reorder: 96, barcode: true, supplier: "dhavala", recv: [288, 192] },

  // Toilet soap bars (3401 11): 18% → 5%.
  { sku: "KV-SP-CHG-4X100", name: "Chandana Gold Sandal Soap 100 g (pack of 4)", category: "Soaps", brand: "Chandana", hsnCode: "340111", gstRate: "5", unit: "PCS", pack: ["CTN", 24], mrp: "180.00", price: "145.00", cost: "131.00", moq: 12, reorder: 96, barcode: true, supplier: "pc", recv: [360, 240, 120] },
  { sku: "KV-SP-NEM-125", name: "Neem Care Bath Soap 125 g", category: "Soaps", brand: "Neem Care", hsnCode: "340111", gstRate: "5", unit: "PCS", pack: ["CTN", 72], mrp: "42.00", price: "34.00", cost: "30.50", moq: 72, reorder: 288, barcode: true, supplier: "pc", recv: [1440, 720] },
  { sku: "KV-SP-ROS-75", name: "Rose Petal Beauty Soap 75 g", category: "Soaps", brand: "Rose Petal", hsnCode: "340111", gstRate: "5", unit: "PCS", pack: ["CTN", 144], sellInPacks: true, mrp: "30.00", price: "24.30", cost: "21.80", moq: 144, reorder: 288, barcode: true, supplier: "pc", recv: [1440, 1008] },

  // Toothpaste (3306 10), toothbrushes (9603 21): 18% → 5%.
  { sku: "KV-TP-DSH-150", name: "Dantashakti Toothpaste 150 g", category: "Oral Care", brand: "Dantashakti", hsnCode: "33061020", gstRate: "5", unit: "PCS", pack: ["CTN", 48], mrp: "95.00", price: "77.00", cost: "69.00", moq: 24, reorder: 240, barcode: true, supplier: "danta", recv: [960, 720, 480] },
  { sku: "KV-TP-DSH-HRB-100", name: "Dantashakti Herbal Toothpaste 100 g", category: "Oral Care", brand: "Dantashakti", hsnCode: "33061020", gstRate: "5", unit: "PCS", pack: ["CTN", 48], mrp: "68.00", price: "55.00", cost: "49.50", moq: 24, reorder: 144, barcode: true, supplier: "danta", recv: [480, 240] },
  { sku: "KV-TP-DSH-KID-80", name: "Dantashakti Kids Toothpaste 80 g, Strawberry", category: "Oral Care", brand: "Dantashakti", hsnCode: "33061020", gstRate: "5", unit: "PCS", pack: ["CTN", 48], mrp: "60.00", price: "48.50", cost: "43.50", moq: 24, reorder: 96, barcode: true, supplier: "danta", recv: [96] },
  { sku: "KV-TB-DSH-4", name: "Dantashakti Soft Toothbrush (pack of 4)", category: "Oral Care", brand: "Dantashakti", hsnCode: "96032100", gstRate: "5", unit: "PCS", pack: ["CTN", 36], mrp: "99.00", price: "80.00", cost: "71.00", moq: 12, reorder: 72, barcode: true, supplier: "danta", recv: [288, 144] },

  // Shampoo (3305 10) and hair oil (3305 90): 18% → 5%. Coconut oil in small packs (1513): 5%.
  { sku: "KV-SH-KSH-180", name: "Keshini Anti-Dandruff Shampoo 180 ml", category: "Hair Care", brand: "Keshini", hsnCode: "330510", gstRate: "5", unit: "PCS", pack: ["CTN", 24], mrp: "165.00", price: "133.50", cost: "120.00", moq: 12, reorder: 72, barcode: true, supplier: "pc", recv: [240, 144] },
  { sku: "KV-SH-KSH-SCH", name: "Keshini Shampoo Sachets 6 ml (strip of 16)", category: "Hair Care", brand: "Keshini", hsnCode: "330510", gstRate: "5", unit: "PCS", pack: ["BOX", 20], mrp: "32.00", price: "26.00", cost: "23.00", moq: 20, reorder: 200, barcode: true, supplier: "pc", recv: [800, 600, 400] },
  { sku: "KV-HO-AML-300", name: "Kalpa Amla Hair Oil 300 ml", category: "Hair Care", brand: "Kalpa", hsnCode: "330590", gstRate: "5", unit: "PCS", pack: ["CTN", 24], mrp: "155.00", price: "125.50", cost: "113.00", moq: 12, reorder: 96, barcode: true, supplier: "pc", recv: [288, 192] },
  { sku: "KV-HO-CCN-500", name: "Kalpa Pure Coconut Oil 500 ml", category: "Hair Care", brand: "Kalpa", hsnCode: "1513", gstRate: "5", unit: "PCS", pack: ["CTN", 24], mrp: "210.00", price: "170.00", cost: "154.00", moq: 12, reorder: 96, barcode: true, supplier: "pc", recv: [240] },

  // Sanitary pads (9619 00 10): nil.
  { sku: "KV-SN-SKH-XL", name: "Sakhi Ultra Thin Sanitary Pads XL (pack of 7)", category: "Feminine Hygiene", brand: "Sakhi", hsnCode: "96190010", gstRate: "0", unit: "PCS", pack: ["CTN", 48], mrp: "55.00", price: "46.75", cost: "41.00", moq: 24, reorder: 144, barcode: true, supplier: "sakhi", recv: [576, 384] },

  // Rice (1006 30), atta (1101), toor dal (0713 60) pre-packaged and labelled: 5%. Salt (2501): nil.
  { sku: "KV-RC-SMR-5K", name: "Tungabhadra Sona Masoori Rice (raw, aged) 5 kg", category: "Rice & Atta", brand: "Tungabhadra", hsnCode: "10063090", gstRate: "5", unit: "PCS", mrp: "420.00", price: "340.00", cost: "308.00", moq: 4, reorder: 100, barcode: true, supplier: "rice", recv: [400, 300, 200] },
  { sku: "KV-RC-SMR-25K", name: "Tungabhadra Sona Masoori Rice 25 kg Bag", category: "Rice & Atta", brand: "Tungabhadra", hsnCode: "10063090", gstRate: "5", unit: "BAG", mrp: "1950.00", price: "1590.00", cost: "1455.00", moq: 2, reorder: 40, barcode: true, supplier: "rice", recv: [120, 80, 60] },
  { sku: "KV-RC-BSM-1K", name: "Royal Kaveri Basmati Rice 1 kg", category: "Rice & Atta", brand: "Royal Kaveri", hsnCode: "10063020", gstRate: "5", unit: "PCS", pack: ["CTN", 20], mrp: "185.00", price: "150.00", cost: "134.00", moq: 20, reorder: 100, barcode: true, supplier: "rice", recv: [200, 100], leadTime: 12 }, // milled in Haryana, shipped through the Gangavathi mill
  { sku: "KV-AT-5K", name: "Nandi Whole Wheat Atta 5 kg", category: "Rice & Atta", brand: "Nandi", hsnCode: "11010000", gstRate: "5", unit: "PCS", mrp: "285.00", price: "230.00", cost: "209.00", moq: 4, reorder: 80, barcode: true, supplier: "nandi", recv: [300, 200] },
  { sku: "KV-DL-TUR-1K", name: "Nandi Toor Dal 1 kg", category: "Dals & Salt", brand: "Nandi", hsnCode: "07136000", gstRate: "5", unit: "PCS", pack: ["CTN", 20], mrp: "175.00", price: "142.00", cost: "128.00", moq: 10, reorder: 120, barcode: true, supplier: "nandi", recv: [400, 300] },
  { sku: "KV-SL-IOD-1K", name: "Sagar Iodised Salt 1 kg", category: "Dals & Salt", brand: "Sagar", hsnCode: "250100", gstRate: "0", unit: "PCS", pack: ["BDL", 25], sellInPacks: true, mrp: "28.00", price: "23.50", cost: "20.80", moq: 25, reorder: 250, barcode: true, supplier: "nandi", recv: [1000, 750] },

  // Biscuits (1905 31), noodles (1902 30), ketchup (2103 20), chocolate (1806 32): → 5%.
  { sku: "KV-BC-CHC-75", name: "Sunbake Choco Cream Biscuits 75 g", category: "Biscuits & Snacks", brand: "Sunbake", hsnCode: "19053100", gstRate: "5", unit: "PCS", pack: ["BOX", 48], sellInPacks: true, mrp: "20.00", price: "16.20", cost: "14.50", moq: 48, reorder: 480, barcode: true, supplier: "sunbake", recv: [1920, 1440, 960] },
  { sku: "KV-BC-MRI-250", name: "Sunbake Marie Biscuits 250 g", category: "Biscuits & Snacks", brand: "Sunbake", hsnCode: "19053100", gstRate: "5", unit: "PCS", pack: ["CTN", 24], mrp: "40.00", price: "32.40", cost: "29.00", moq: 24, reorder: 144, barcode: true, supplier: "sunbake", recv: [480, 240] },
  { sku: "KV-ND-MSL-4", name: "Zippy Masala Instant Noodles 70 g (pack of 4)", category: "Noodles & Sauces", brand: "Zippy", hsnCode: "19023010", gstRate: "5", unit: "PCS", pack: ["CTN", 24], mrp: "56.00", price: "45.30", cost: "40.80", moq: 24, reorder: 144, barcode: true, supplier: "zippy", recv: [480, 336] },
  { sku: "KV-KT-TOM-1K", name: "Zippy Tomato Ketchup 1 kg", category: "Noodles & Sauces", brand: "Zippy", hsnCode: "21032000", gstRate: "5", unit: "PCS", pack: ["CTN", 12], mrp: "150.00", price: "121.00", cost: "108.00", moq: 12, reorder: 48, barcode: true, supplier: "zippy", recv: [96] },
  { sku: "KV-CH-MLK-40", name: "Cocoa Kraft Milk Chocolate 40 g", category: "Chocolates", brand: "Cocoa Kraft", hsnCode: "180632", gstRate: "5", unit: "PCS", pack: ["BOX", 24], sellInPacks: true, mrp: "40.00", price: "32.40", cost: "29.00", moq: 24, reorder: 240, barcode: true, supplier: "cocoa", recv: [480, 240] },

  // Coffee (0901 21 roasted; 2101 11 instant → 5%), tea (0902 30): 5%. Aerated drinks (2202 10): 40%.
  { sku: "KV-CF-FLT-500", name: "Kodagu Estate Filter Coffee, 80:20 Chicory, 500 g", category: "Coffee", brand: "Kodagu Estate", hsnCode: "090121", gstRate: "5", unit: "PCS", pack: ["CTN", 20], mrp: "330.00", price: "267.00", cost: "240.00", moq: 10, reorder: 80, barcode: true, supplier: "coffee", recv: [240, 160, 120] },
  { sku: "KV-CF-PUR-200", name: "Kodagu Estate Pure Coffee Powder 200 g", category: "Coffee", brand: "Kodagu Estate", hsnCode: "090121", gstRate: "5", unit: "PCS", pack: ["CTN", 40], mrp: "180.00", price: "146.00", cost: "131.00", moq: 20, reorder: 80, barcode: true, supplier: "coffee", recv: [160, 80] },
  { sku: "KV-CF-INS-100", name: "Kodagu Instant Coffee 100 g Jar", category: "Coffee", brand: "Kodagu Estate", hsnCode: "210111", gstRate: "5", unit: "PCS", pack: ["CTN", 24], mrp: "290.00", price: "235.00", cost: "212.00", moq: 12, reorder: 48, barcode: true, supplier: "coffee", recv: [48] },
  { sku: "KV-TE-NLG-500", name: "Nilgiri Gold Dust Tea 500 g", category: "Tea", brand: "Nilgiri Gold", hsnCode: "090230", gstRate: "5", unit: "PCS", pack: ["CTN", 24], mrp: "265.00", price: "214.00", cost: "193.00", moq: 12, reorder: 96, barcode: true, supplier: "nilgiri", recv: [288, 192] },
  { sku: "KV-SD-CLA-2L", name: "Fizzup Cola 2 L PET", category: "Soft Drinks", brand: "Fizzup", hsnCode: "22021010", gstRate: "40", unit: "PCS", pack: ["CTN", 9], sellInPacks: true, mrp: "99.00", price: "60.00", cost: "54.00", moq: 9, reorder: 90, barcode: true, supplier: "fizz", recv: [540, 360] },
  { sku: "KV-SD-LMN-600", name: "Fizzup Lemon 600 ml PET", category: "Soft Drinks", brand: "Fizzup", hsnCode: "22021010", gstRate: "40", unit: "PCS", pack: ["CTN", 24], sellInPacks: true, mrp: "40.00", price: "24.30", cost: "21.80", moq: 24, reorder: 240, barcode: true, supplier: "fizz", recv: [480] },

  // Agarbatti (3307 41): 5%.
  { sku: "KV-AG-MYM-100", name: "Mysuru Mallige Agarbatti 100 g", category: "Pooja Needs", brand: "Mysuru Mallige", hsnCode: "33074100", gstRate: "5", unit: "PCS", pack: ["BOX", 12], mrp: "60.00", price: "48.50", cost: "43.00", moq: 12, reorder: 120, barcode: true, supplier: "agar", recv: [360, 240] },
];

export const kcdb: DemoCatalog = {
  company: "KCDB",
  barcodePrefix: "890803517",
  categories: [
    { name: "Home Care", children: [{ name: "Detergents" }, { name: "Dishwash" }, { name: "Surface & Toilet Cleaners" }] },
    { name: "Personal Care", children: [{ name: "Soaps" }, { name: "Oral Care" }, { name: "Hair Care" }, { name: "Feminine Hygiene" }] },
    { name: "Foods", children: [{ name: "Rice & Atta" }, { name: "Dals & Salt" }, { name: "Biscuits & Snacks" }, { name: "Noodles & Sauces" }, { name: "Chocolates" }] },
    { name: "Beverages", children: [{ name: "Coffee" }, { name: "Tea" }, { name: "Soft Drinks" }] },
    { name: "Pooja Needs" },
  ],
  products,
  // Lead times to Peenya: 2 days from the depots and plant around Bengaluru, 4–7 days from the
  // brands' C&F agents and the Karnataka mills; the chocolate C&F and the agarbathi works have none
  // set, so the reorder report's default applies to their products.
  suppliers: [
    { key: "dhavala", name: "Dhavala Home Care Ltd. – C&F Bengaluru", invoicePrefix: "DHC/BLR/", firstNo: 20417, leadTimeDays: 5 },
    { key: "pc", name: "Sahyadri Personal Care Ltd. – Karnataka C&F", invoicePrefix: "SPC/KA/", firstNo: 7702, leadTimeDays: 6 },
    { key: "danta", name: "Dantashakti Oral Care Pvt. Ltd. – C&F Hosur", invoicePrefix: "DOC/", firstNo: 3319, leadTimeDays: 7 },
    { key: "sakhi", name: "Sakhi Hygiene Products, Mysuru", invoicePrefix: "SHP/", firstNo: 611, leadTimeDays: 4 },
    { key: "rice", name: "Tungabhadra Rice Mills, Gangavathi", invoicePrefix: "TRM/26-27/", firstNo: 1184, leadTimeDays: 6 },
    { key: "nandi", name: "Nandi Agro Foods, Davanagere", invoicePrefix: "NAF/", firstNo: 2452, leadTimeDays: 4 },
    { key: "sunbake", name: "Sunbake Foods – C&F Bengaluru", invoicePrefix: "SBF/", firstNo: 9030, leadTimeDays: 5 },
    { key: "zippy", name: "Zippy Foods Depot, Hoskote", invoicePrefix: "ZFD/", firstNo: 1502, leadTimeDays: 2 },
    { key: "cocoa", name: "Cocoa Kraft Confectionery – C&F Bengaluru", invoicePrefix: "CKC/", firstNo: 846 },
    { key: "coffee", name: "Kodagu Coffee Curing Works, Kushalnagar", invoicePrefix: "KCCW/", firstNo: 377, leadTimeDays: 4 },
    { key: "nilgiri", name: "Nilgiri Gold Tea Co., Coonoor", invoicePrefix: "NGT/", firstNo: 2210, leadTimeDays: 7 },
    { key: "fizz", name: "Fizzup Beverages – Bidadi Plant", invoicePrefix: "FZB/", firstNo: 56012, leadTimeDays: 2 },
    { key: "agar", name: "Mysuru Mallige Agarbathi Works", invoicePrefix: "MMA/", firstNo: 418 },
  ],
  receiptRounds: [45, 20, 4],
  receiveInto: "PNY",
  priceLists: [
    {
      name: "Standard",
      description: "Distributor trade prices (ex-GST, delivered within Bengaluru).",
      isDefault: true,
      items: products.map((p) => ({ sku: p.sku, price: p.price })),
    },
    {
      name: "Modern Trade",
      description: "Supermarket chains: slab prices at 50+ and 200+ units. Dhavala winter scheme running; the Dasara coffee offer has ended.",
      items: [
        ...["KV-DT-DHV-500", "KV-DT-DHV-1K", "KV-DW-KNT-BAR", "KV-SP-CHG-4X100", "KV-SP-NEM-125", "KV-TP-DSH-150", "KV-SH-KSH-180", "KV-HO-AML-300", "KV-RC-SMR-5K", "KV-BC-CHC-75", "KV-CF-FLT-500", "KV-TE-NLG-500"].flatMap((sku) =>
          slabs(products, sku, [
            [1, 2],
            [50, 3.5],
            [200, 5],
          ]),
        ),
        { sku: "KV-DT-DHV-4K", price: "339.00", offer: "current" },
        { sku: "KV-CF-PUR-200", price: "138.00", offer: "expired" },
      ],
    },
    {
      name: "Wholesale",
      description: "Wholesale and inter-state buyers: slab prices at 100+ and 500+ units; rice offer this season.",
      items: [
        ...["KV-RC-SMR-5K", "KV-RC-BSM-1K", "KV-AT-5K", "KV-DL-TUR-1K", "KV-SL-IOD-1K", "KV-DT-DHV-1K", "KV-TP-DSH-150", "KV-SP-NEM-125"].flatMap((sku) =>
          slabs(products, sku, [
            [1, 1],
            [100, 3],
            [500, 5],
          ]),
        ),
        { sku: "KV-RC-SMR-25K", price: "1540.00", offer: "current" },
        { sku: "KV-RC-SMR-25K", minQty: 20, price: "1515.00", offer: "current" },
      ],
    },
  ],
  connectionLists: [
    { retailer: "freshmart", priceList: "Modern Trade" },
    { retailer: "annapoorna", priceList: "Wholesale" },
  ],
  warehouses: [{ code: "PNY", name: "Peenya Warehouse", addressLine1: "Plot 118, 4th Phase, Peenya Industrial Area", addressLine2: null, city: "Bengaluru", stateCode: "29", pincode: "560058", isDefault: true }],
  transfers: [],
  adjustments: [
    { warehouse: "PNY", sku: "KV-TC-SHN-500", delta: -12, reason: "damaged", note: "12 bottles leaking on arrival (LR 55310)" },
    { warehouse: "PNY", sku: "KV-RC-SMR-25K", delta: -2, reason: "damaged", note: "Rat damage in rack C-4: 2 bags torn, written off" },
    { warehouse: "PNY", sku: "KV-SD-LMN-600", delta: -480, reason: "other", note: "Recalled by Fizzup Beverages: batch FZ-0926 (cap seal defect), returned to the Bidadi plant" },
    { warehouse: "PNY", sku: "KV-CH-MLK-40", delta: -48, reason: "expired", note: "Past best before 15/11/2026 (sugar bloom)" },
  ],
  stockCounts: [],
};

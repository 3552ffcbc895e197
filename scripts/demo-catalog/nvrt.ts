// Navrang Home Textiles, Surat (NVRT): bed and bath linen, sarees, dress materials and home
// furnishing, bought from mills and job-workers and sold to stores in Gujarat and Maharashtra.
// GST since 22 Sep 2025: made-ups (chapter 63) and apparel at 5% when the sale value of a piece is
// up to ₹2,500 and 18% above it; fabrics (sarees and dress materials are fabric: 50–55) 5% at any value.
import { slabs, type DemoCatalog, type DemoProduct } from "./types";

const NV = "Navrang";
const NVP = "Navrang Premium";
const SOL = "Solapuri Weaves";

const products: DemoProduct[] = [
  // Bed linen (6302 21 printed cotton, 6302 22 printed man-made fibres, 6302 31 other cotton).
  { sku: "NV-BS-SGL-CTN", name: "Cotton Printed Single Bedsheet 60×90 in with 1 Pillow Cover", category: "Bedsheets", brand: NV, hsnCode: "630221", gstRate: "5", unit: "SET", pack: ["BDL", 10], mrp: "699.00", price: "365.00", cost: "295.00", moq: 5, reorder: 60, barcode: true, supplier: "erode", recv: [200, 150, 100] },
  { sku: "NV-BS-DBL-144", name: "Cotton Double Bedsheet 90×100 in, 144 TC, with 2 Pillow Covers", category: "Bedsheets", brand: NV, hsnCode: "630221", gstRate: "5", unit: "SET", pack: ["BDL", 10], mrp: "1299.00", price: "640.00", cost: "520.00", moq: 5, reorder: 80, barcode: true, supplier: "erode", recv: [300, 200, 150] },
  { sku: "NV-BS-DBL-JPR", name: "Jaipuri Print Double Bedsheet 210 TC with 2 Pillow Covers", category: "Bedsheets", brand: NV, hsnCode: "630221", gstRate: "5", unit: "SET", pack: ["BDL", 10], mrp: "1799.00", price: "890.00", cost: "735.00", moq: 5, reorder: 50, barcode: true, supplier: "jaipur", recv: [150, 100] },
  { sku: "NV-BS-DBL-3D", name: "3D Print Polycotton Double Bedsheet with 2 Pillow Covers", category: "Bedsheets", brand: NV, hsnCode: "630222", gstRate: "5", unit: "SET", pack: ["BDL", 10], mrp: "999.00", price: "455.00", cost: "370.00", moq: 10, reorder: 100, barcode: true, supplier: "surat", recv: [400, 300] },
  { sku: "NV-BS-KNG-SAT", name: "Satin Stripe King Bedsheet 108×108 in, 300 TC, with 2 Pillow Covers", category: "Bedsheets", brand: NVP, hsnCode: "630231", gstRate: "5", unit: "SET", mrp: "2299.00", price: "1180.00", cost: "960.00", moq: 5, reorder: 40, barcode: true, supplier: "erode", recv: [40] },
  {
    sku: "NV-BS-KNG-PRM",
    name: "Egyptian Cotton King Bedding Set, 400 TC (bedsheet, 2 pillow covers, quilt cover)",
    category: "Bedsheets",
    brand: NVP,
    hsnCode: "630231",
    gstRate: "18",
    unit: "SET",
    mrp: "5999.00",
    price: "2750.00",
    cost: "2290.00",
    moq: 2,
    reorder: 10,
    barcode: true,
    description: "Sold at over ₹2,500 a piece, so GST is 18% (made-ups above ₹2,500 since 22 Sep 2025; 5% up to ₹2,500).",
    supplier: "erode",
    recv: [24],
  },
  { sku: "NV-PC-CTN-PR", name: "Cotton Pillow Covers 18×28 in (pair)", category: "Pillow Covers", brand: NV, hsnCode: "630221", gstRate: "5", unit: "PRS", pack: ["BDL", 12], mrp: "299.00", price: "135.00", cost: "105.00", moq: 12, reorder: 100, barcode: true, supplier: "erode", recv: [300, 200] },
  { sku: "NV-BC-DBL-JQ", name: "Jacquard Double Bedcover with 2 Pillow Shams", category: "Bedcovers & Blankets", brand: NVP, hsnCode: "630419", gstRate: "5", unit: "SET", mrp: "1999.00", price: "980.00", cost: "810.00", moq: 2, reorder: 30, barcode: true, supplier: "panipat", recv: [60, 40] },
  { sku: "NV-DH-DBL-MUL", name: "Mulmul Cotton Dohar, Double (AC Blanket)", category: "Bedcovers & Blankets", brand: NV, hsnCode: "630130", gstRate: "5", unit: "PCS", mrp: "1499.00", price: "690.00", cost: "560.00", moq: 5, reorder: 40, barcode: true, supplier: "jaipur", recv: [120, 60] },
  { sku: "NV-BL-MNK-DBL", name: "Mink Blanket, Double, 2-Ply", category: "Bedcovers & Blankets", brand: NVP, hsnCode: "630140", gstRate: "5", unit: "PCS", mrp: "2999.00", price: "1450.00", cost: "1190.00", moq: 2, reorder: 30, barcode: true, supplier: "panipat", recv: [80, 80, 60], leadTime: 21 }, // imported ply (Korea) through the Panipat house
  { sku: "NV-BL-FLC-SGL", name: "Polar Fleece Blanket, Single", category: "Bedcovers & Blankets", brand: NV, hsnCode: "630140", gstRate: "5", unit: "PCS", pack: ["BDL", 10], mrp: "799.00", price: "340.00", cost: "270.00", moq: 10, reorder: 50, barcode: true, supplier: "panipat", recv: [150, 100] },

  // Bath and kitchen linen (6302 60 terry towelling of cotton, 6302 91 other of cotton).
  { sku: "NV-TW-BTH-500", name: "Terry Cotton Bath Towel 30×60 in, 500 GSM", category: "Towels", brand: SOL, hsnCode: "63026000", gstRate: "5", unit: "PCS", pack: ["PAC", 6], mrp: "499.00", price: "235.00", cost: "188.00", moq: 6, reorder: 120, barcode: true, supplier: "solapur", recv: [360, 240, 240] },
  { sku: "NV-TW-BTH-SOL", name: "Solapuri Jacquard Bath Towel 27×54 in", category: "Towels", brand: SOL, hsnCode: "63026000", gstRate: "5", unit: "PCS", pack: ["PAC", 6], mrp: "349.00", price: "158.00", cost: "126.00", moq: 12, reorder: 120, barcode: true, supplier: "solapur", recv: [480, 240] },
  { sku: "NV-TW-HND-6", name: "Cotton Hand Towels 16×24 in (set of 6)", category: "Towels", brand: SOL, hsnCode: "63026000", gstRate: "5", unit: "SET", mrp: "599.00", price: "280.00", cost: "222.00", moq: 5, reorder: 50, barcode: true, supplier: "solapur", recv: [120, 60] },
  { sku: "NV-TW-GMC", name: "Cotton Checks Gamchha 30×60 in", category: "Towels", brand: SOL, hsnCode: "63026000", gstRate: "5", unit: "PCS", pack: ["DOZ", 12], sellInPacks: true, mrp: "149.00", price: "62.00", cost: "48.00", moq: 12, reorder: 120, barcode: true, supplier: "solapur", recv: [600, 480] },
  { sku: "NV-KL-NAP-4", name: "Cotton Kitchen Napkins (set of 4)", category: "Kitchen Linen", brand: NV, hsnCode: "630291", gstRate: "5", unit: "SET", mrp: "249.00", price: "105.00", cost: "82.00", moq: 10, reorder: 40, barcode: true, supplier: "solapur", recv: [100] },
  { sku: "NV-KL-TBC-6S", name: "Cotton Dining Table Cover, 6-Seater", category: "Kitchen Linen", brand: NV, hsnCode: "630251", gstRate: "5", unit: "PCS", mrp: "699.00", price: "290.00", cost: "230.00", moq: 5, reorder: 30, barcode: true, supplier: "panipat", recv: [80, 40] },

  // Sarees are fabric: 5407 (synthetic filament), 5408 (artificial filament), 5208 (cotton): 5%.
  { sku: "NV-SR-GEO-PRT", name: "Printed Georgette Saree with Blouse Piece, 6.3 m", category: "Georgette & Chiffon", brand: NV, hsnCode: "540754", gstRate: "5", unit: "PCS", pack: ["BDL", 10], mrp: "1199.00", price: "485.00", cost: "395.00", moq: 5, reorder: 60, barcode: true, supplier: "surat", recv: [200, 150, 100] },
  { sku: "NV-SR-CHF-FLR", name: "Floral Chiffon Saree with Blouse Piece, 5.5 m", category: "Georgette & Chiffon", brand: NV, hsnCode: "540754", gstRate: "5", unit: "PCS", pack: ["BDL", 10], mrp: "999.00", price: "410.00", cost: "330.00", moq: 5, reorder: 60, barcode: true, supplier: "surat", recv: [200, 100] },
  { sku: "NV-SR-BND-GEO", name: "Bandhani Georgette Saree", category: "Georgette & Chiffon", brand: NVP, hsnCode: "540754", gstRate: "5", unit: "PCS", mrp: "1599.00", price: "690.00", cost: "560.00", moq: 2, reorder: 30, barcode: true, supplier: "surat", recv: [60, 30] },
  { sku: "NV-SR-ART-BNR", name: "Art Silk Banarasi Saree with Zari Border", category: "Silk & Art Silk", brand: NVP, hsnCode: "540823", gstRate: "5", unit: "PCS", mrp: "2499.00", price: "1150.00", cost: "940.00", moq: 2, reorder: 25, barcode: true, supplier: "varanasi", recv: [40, 20] },
  { sku: "NV-SR-DLY-POLY", name: "Daily-Wear Printed Polyester Saree (assorted designs)", category: "Daily Wear Sarees", brand: NV, hsnCode: "540754", gstRate: "5", unit: "PCS", pack: ["BDL", 10], sellInPacks: true, mrp: "549.00", price: "215.00", cost: "172.00", moq: 10, reorder: 100, barcode: true, supplier: "surat", recv: [500, 300, 200] },
  { sku: "NV-SR-ILK-CTN", name: "Ilkal Cotton Saree, 6.3 m", category: "Cotton Sarees", brand: NVP, hsnCode: "5208", gstRate: "5", unit: "PCS", mrp: "1499.00", price: "720.00", cost: "590.00", moq: 2, reorder: 20, barcode: true, supplier: "ilkal", recv: [20] },

  // Dress materials (unstitched: fabric).
  { sku: "NV-DM-CTN-3P", name: "Cotton Printed Unstitched Suit, 3 pc (top 2.5 m, bottom 2 m, dupatta 2.25 m)", category: "Dress Materials", brand: NV, hsnCode: "520852", gstRate: "5", unit: "SET", mrp: "999.00", price: "425.00", cost: "340.00", moq: 5, reorder: 60, barcode: true, supplier: "jaipur", recv: [200, 100] },
  { sku: "NV-DM-RYN-KRT", name: "Rayon Slub Kurti Fabric 2.5 m", category: "Dress Materials", brand: NV, hsnCode: "5516", gstRate: "5", unit: "PCS", pack: ["BDL", 10], mrp: "450.00", price: "185.00", cost: "148.00", moq: 10, reorder: 80, barcode: true, supplier: "surat", recv: [300, 150] },
  { sku: "NV-DM-GEO-EMB", name: "Embroidered Georgette Suit Material, 3 pc", category: "Dress Materials", brand: NVP, hsnCode: "540754", gstRate: "5", unit: "SET", mrp: "1899.00", price: "820.00", cost: "660.00", moq: 3, reorder: 30, barcode: true, supplier: "surat", recv: [30] },

  // Home furnishing (6303 curtains, 6304 other furnishing articles).
  { sku: "NV-CT-DR-7FT", name: "Polyester Eyelet Door Curtain 7 ft (pair)", category: "Curtains", brand: NV, hsnCode: "630392", gstRate: "5", unit: "PRS", mrp: "1199.00", price: "520.00", cost: "420.00", moq: 4, reorder: 40, barcode: true, supplier: "panipat", recv: [120, 80] },
  { sku: "NV-CT-WN-5FT", name: "Blackout Window Curtain 5 ft (pair)", category: "Curtains", brand: NV, hsnCode: "630392", gstRate: "5", unit: "PRS", mrp: "1099.00", price: "475.00", cost: "385.00", moq: 4, reorder: 40, barcode: true, supplier: "panipat", recv: [100, 60] },
  { sku: "NV-CT-CTN-9FT", name: "Cotton Long Door Curtain 9 ft (pair)", category: "Curtains", brand: NVP, hsnCode: "630391", gstRate: "5", unit: "PRS", mrp: "1599.00", price: "690.00", cost: "560.00", moq: 2, reorder: 20, barcode: true, description: "New design range; first lot due from Panipat in December.", supplier: "panipat", recv: [] },
  { sku: "NV-CC-CTN-5", name: "Cotton Cushion Covers 16×16 in (set of 5)", category: "Cushion Covers", brand: NV, hsnCode: "630492", gstRate: "5", unit: "SET", mrp: "599.00", price: "245.00", cost: "195.00", moq: 5, reorder: 40, barcode: true, supplier: "panipat", recv: [150, 100] },
];

const tradeSlabs: [number, number][] = [
  [1, 3],
  [10, 6],
  [50, 9],
];

export const nvrt: DemoCatalog = {
  company: "NVRT",
  barcodePrefix: "890712608",
  categories: [
    { name: "Bed Linen", children: [{ name: "Bedsheets" }, { name: "Pillow Covers" }, { name: "Bedcovers & Blankets" }] },
    { name: "Bath & Kitchen Linen", children: [{ name: "Towels" }, { name: "Kitchen Linen" }] },
    { name: "Sarees", children: [{ name: "Georgette & Chiffon" }, { name: "Silk & Art Silk" }, { name: "Cotton Sarees" }, { name: "Daily Wear Sarees" }] },
    { name: "Dress Materials" },
    { name: "Home Furnishing", children: [{ name: "Curtains" }, { name: "Cushion Covers" }] },
  ],
  products,
  // Lead times to Sachin GIDC: 3 days from Surat's own job-workers, a week from the Erode mill, 10
  // days from Panipat, three weeks for Banarasi sarees and four for Ilkal handloom (woven to order);
  // the Jaipur and Solapur suppliers have none set, so the reorder report's default applies.
  suppliers: [
    { key: "erode", name: "Kongu Tex, Erode", invoicePrefix: "KT/26-27/", firstNo: 688, leadTimeDays: 7 },
    { key: "jaipur", name: "Sanganer Prints, Jaipur", invoicePrefix: "SP/", firstNo: 4410 },
    { key: "surat", name: "Ashapura Creations (job work), Surat", invoicePrefix: "AC/", firstNo: 1207, leadTimeDays: 3 },
    { key: "panipat", name: "Panipat Handloom House", invoicePrefix: "PHH/26-27/", firstNo: 329, leadTimeDays: 10 },
    { key: "solapur", name: "Siddheshwar Textile Mills, Solapur", invoicePrefix: "STM/", firstNo: 5521 },
    { key: "varanasi", name: "Kashi Silk Emporium, Varanasi", invoicePrefix: "KSE/", firstNo: 918, leadTimeDays: 21 },
    { key: "ilkal", name: "Ilkal Handloom Weavers' Co-operative Society", invoicePrefix: "IHW/", firstNo: 143, leadTimeDays: 28 },
  ],
  receiptRounds: [52, 24, 6],
  receiveInto: "SCH",
  priceLists: [
    {
      name: "Standard",
      description: "Trade prices for all stores (ex-GST, ex-godown Sachin GIDC).",
      isDefault: true,
      items: products.map((p) => ({ sku: p.sku, price: p.price })),
    },
    {
      name: "Wholesale",
      description: "Saree and linen traders: slab prices at 10+ and 50+ pieces. Wedding-season offer on silk and bandhani; the Diwali offer has ended.",
      items: [
        ...["NV-BS-SGL-CTN", "NV-BS-DBL-144", "NV-BS-DBL-3D", "NV-TW-BTH-500", "NV-TW-BTH-SOL", "NV-SR-GEO-PRT", "NV-SR-CHF-FLR", "NV-SR-DLY-POLY", "NV-DM-CTN-3P"].flatMap((sku) =>
          slabs(products, sku, tradeSlabs),
        ),
        { sku: "NV-SR-ART-BNR", price: "1080.00", offer: "current" },
        { sku: "NV-SR-BND-GEO", price: "650.00", offer: "current" },
        { sku: "NV-BS-DBL-JPR", price: "829.00", offer: "expired" },
        { sku: "NV-DM-GEO-EMB", price: "760.00", offer: "expired" },
      ],
    },
  ],
  connectionLists: [{ retailer: "balaji", priceList: "Wholesale" }],
  warehouses: [{ code: "SCH", name: "Sachin GIDC Godown", addressLine1: "Godown 9, Shree Ram Industrial Estate", addressLine2: "Sachin GIDC", city: "Surat", stateCode: "24", pincode: "394230", isDefault: true }],
  transfers: [],
  adjustments: [
    { warehouse: "SCH", sku: "NV-TW-GMC", delta: -24, reason: "damaged", note: "Colour bleeding in wash test; returned to Siddheshwar Textile Mills" },
    { warehouse: "SCH", sku: "NV-SR-ART-BNR", delta: -3, reason: "damaged", note: "3 sarees stained by rain water in transit (LR 22817)" },
    { warehouse: "SCH", sku: "NV-SR-ILK-CTN", delta: -20, reason: "other", note: "Returned to the weaver: short length (5.9 m against 6.3 m)" },
    { warehouse: "SCH", sku: "NV-CT-DR-7FT", delta: -2, reason: "theft_loss", note: "2 pairs missing at the monthly count" },
  ],
  stockCounts: [],
};

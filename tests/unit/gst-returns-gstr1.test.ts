// Golden files of GSTR-1: fixed documents give exactly this JSON. Every expected figure below is
// worked out by hand from the rules named beside it (GSTN's GSTR-1 JSON format and the CBIC
// notifications), not read off the builder's output.
import { describe, expect, it } from "vitest";
import { buildGstr1 } from "@/lib/reporting/gst/build-gstr1";
import { tieOut } from "@/lib/reporting/gst/tie-out";
import { doc, INTER_BUYER, INTRA_BUYER, november2026, SUPPLIER_GSTIN } from "./gst-returns-fixtures";

describe("GSTR-1 for November 2026 (one document of every kind)", () => {
  const { json } = buildGstr1({ gstin: SUPPLIER_GSTIN, fp: "112026", documents: november2026 });

  it("header: gstin, fp MMYYYY, the offline tool's version, hash \"hash\"", () => {
    expect([json.gstin, json.fp, json.version, json.hash]).toEqual([SUPPLIER_GSTIN, "112026", "GST3.0.4", "hash"]);
    // Sections in the portal's order; at, txpd and supeco are absent (no advances, no e-commerce operator).
    expect(Object.keys(json)).toEqual(["gstin", "fp", "version", "hash", "b2b", "b2cl", "b2cs", "cdnr", "cdnur", "exp", "nil", "hsn", "doc_issue"]);
  });

  it("b2b: registered buyers by GSTIN; one item per rate; SEZ as SEWP/SEWOP, deemed export DE, reverse charge Y", () => {
    expect(json.b2b).toEqual([
      // Reverse charge: rchrg Y, the tax is shown (payable by the recipient).
      { ctin: "05AAACG2115R1ZN", inv: [{ inum: "INV/26-27/000003", idt: "04-11-2026", val: 21000, pos: "05", rchrg: "Y", inv_typ: "R", itms: [{ num: 1, itm_det: { rt: 5, txval: 20000, iamt: 1000, camt: 0, samt: 0, csamt: 0 } }] }] },
      {
        ctin: INTRA_BUYER,
        inv: [
          // Intra-state: CGST + SGST, items in ascending rate (5 then 18).
          { inum: "INV/26-27/000001", idt: "02-11-2026", val: 13900, pos: "24", rchrg: "N", inv_typ: "R", itms: [{ num: 1, itm_det: { rt: 5, txval: 2000, iamt: 0, camt: 50, samt: 50, csamt: 0 } }, { num: 2, itm_det: { rt: 18, txval: 10000, iamt: 0, camt: 900, samt: 900, csamt: 0 } }] },
          // Nil-rated and exempt lines go to Table 8; the invoice value stays the whole invoice's (4000 + 1500 + 1000 + 25 + 25).
          { inum: "INV/26-27/000014", idt: "15-11-2026", val: 6550, pos: "24", rchrg: "N", inv_typ: "R", itms: [{ num: 1, itm_det: { rt: 5, txval: 1000, iamt: 0, camt: 25, samt: 25, csamt: 0 } }] },
        ],
      },
      { ctin: INTER_BUYER, inv: [{ inum: "INV/26-27/000002", idt: "03-11-2026", val: 5900, pos: "29", rchrg: "N", inv_typ: "R", itms: [{ num: 1, itm_det: { rt: 18, txval: 5000, iamt: 900, camt: 0, samt: 0, csamt: 0 } }] }] },
      { ctin: "29AAFCC9980M1ZR", inv: [{ inum: "INV/26-27/000013", idt: "14-11-2026", val: 7080, pos: "29", rchrg: "N", inv_typ: "DE", itms: [{ num: 1, itm_det: { rt: 18, txval: 6000, iamt: 1080, camt: 0, samt: 0, csamt: 0 } }] }] },
      {
        ctin: "33AAAAR6720M1ZG",
        inv: [
          { inum: "INV/26-27/000011", idt: "12-11-2026", val: 11800, pos: "33", rchrg: "N", inv_typ: "SEWP", itms: [{ num: 1, itm_det: { rt: 18, txval: 10000, iamt: 1800, camt: 0, samt: 0, csamt: 0 } }] },
          // Without payment (LUT): the rate it is zero-rated at, no tax.
          { inum: "INV/26-27/000012", idt: "13-11-2026", val: 8000, pos: "33", rchrg: "N", inv_typ: "SEWOP", itms: [{ num: 1, itm_det: { rt: 18, txval: 8000, iamt: 0, camt: 0, samt: 0, csamt: 0 } }] },
        ],
      },
    ]);
  });

  it("b2cl: inter-state B2C invoices above ₹1,00,000 (from 1 Aug 2024), by place of supply; exactly ₹1,00,000 is not above", () => {
    expect(json.b2cl).toEqual([{ pos: "27", inv: [{ inum: "INV/26-27/000004", idt: "05-11-2026", val: 100001, itms: [{ num: 1, itm_det: { rt: 18, txval: 84746.61, iamt: 15254.39, csamt: 0 } }] }] }]);
  });

  it("b2cs: the rest of B2C by place of supply and rate (typ OE), notes netted in", () => {
    expect(json.b2cs).toEqual([
      // INV 6 at 5 %.
      { sply_ty: "INTRA", pos: "24", typ: "OE", rt: 5, txval: 500, iamt: 0, camt: 12.5, samt: 12.5, csamt: 0 },
      // INV 6 (1000) + INV 7 (2000) − CN 3 (200) = 2800; CGST 90 + 180 − 18 = 252.
      { sply_ty: "INTRA", pos: "24", typ: "OE", rt: 18, txval: 2800, iamt: 0, camt: 252, samt: 252, csamt: 0 },
      // INV 5 at exactly the B2CL limit.
      { sply_ty: "INTER", pos: "27", typ: "OE", rt: 18, txval: 84745.76, iamt: 15254.24, camt: 0, samt: 0, csamt: 0 },
      // INV 8 (3000) + DN 2 (100) = 3100; IGST 1200 + 40.
      { sply_ty: "INTER", pos: "29", typ: "OE", rt: 40, txval: 3100, iamt: 1240, camt: 0, samt: 0, csamt: 0 },
    ]);
  });

  it("cdnr: notes to registered buyers, positive amounts, ntty C/D", () => {
    expect(json.cdnr).toEqual([
      { ctin: INTRA_BUYER, nt: [{ ntty: "C", nt_num: "CN/26-27/000001", nt_dt: "20-11-2026", val: 1180, pos: "24", rchrg: "N", inv_typ: "R", itms: [{ num: 1, itm_det: { rt: 18, txval: 1000, iamt: 0, camt: 90, samt: 90, csamt: 0 } }] }] },
      { ctin: INTER_BUYER, nt: [{ ntty: "D", nt_num: "DN/26-27/000001", nt_dt: "24-11-2026", val: 590, pos: "29", rchrg: "N", inv_typ: "R", itms: [{ num: 1, itm_det: { rt: 18, txval: 500, iamt: 90, camt: 0, samt: 0, csamt: 0 } }] }] },
    ]);
  });

  it("cdnur: notes on B2CL invoices (with pos) and on exports (EXPWP, no pos); B2CS notes are not here", () => {
    expect(json.cdnur).toEqual([
      { typ: "B2CL", ntty: "C", nt_num: "CN/26-27/000002", nt_dt: "21-11-2026", val: 11800, pos: "27", itms: [{ num: 1, itm_det: { rt: 18, txval: 10000, iamt: 1800, csamt: 0 } }] },
      { typ: "EXPWP", ntty: "C", nt_num: "CN/26-27/000004", nt_dt: "23-11-2026", val: 5900, itms: [{ num: 1, itm_det: { rt: 18, txval: 5000, iamt: 900, csamt: 0 } }] },
    ]);
  });

  it("exp: WPAY with the shipping bill, WOPAY without (items not wrapped in itm_det)", () => {
    expect(json.exp).toEqual([
      { exp_typ: "WPAY", inv: [{ inum: "INV/26-27/000009", idt: "10-11-2026", val: 59000, sbpcode: "INNSA1", sbnum: "1234567", sbdt: "12-11-2026", itms: [{ txval: 50000, rt: 18, iamt: 9000, csamt: 0 }] }] },
      { exp_typ: "WOPAY", inv: [{ inum: "INV/26-27/000010", idt: "11-11-2026", val: 40000, itms: [{ txval: 40000, rt: 18, iamt: 0, csamt: 0 }] }] },
    ]);
  });

  it("nil: nil-rated, exempt and non-GST by inter/intra and registered/unregistered", () => {
    expect(json.nil).toEqual({
      inv: [
        { sply_ty: "INTRAB2B", expt_amt: 1500, nil_amt: 4000, ngsup_amt: 0 },
        { sply_ty: "INTRB2C", expt_amt: 0, nil_amt: 800, ngsup_amt: 900 },
      ],
    });
  });

  it("hsn from May 2025: hsn_b2b (registered, SEZ, deemed export) and hsn_b2c (B2CL, B2CS, exports); notes signed; services UQC NA", () => {
    expect(json.hsn).toEqual({
      hsn_b2b: [
        { num: 1, hsn_sc: "04011000", desc: "Fresh milk", uqc: "LTR", qty: 50, rt: 0, txval: 1500, iamt: 0, camt: 0, samt: 0, csamt: 0 },
        { num: 2, hsn_sc: "10063010", desc: "Rice loose", uqc: "KGS", qty: 100, rt: 0, txval: 4000, iamt: 0, camt: 0, samt: 0, csamt: 0 },
        // INV 1 (100, 10000) + INV 2 (50, 5000) + INV 13 (60, 6000) − CN 1 (10, 1000) + DN 1 (0, 500); description cut to 30 characters.
        { num: 3, hsn_sc: "19053100", desc: "Glucose biscuits family pack 8", uqc: "PCS", qty: 200, rt: 18, txval: 20500, iamt: 2070, camt: 810, samt: 810, csamt: 0 },
        { num: 4, hsn_sc: "21069099", desc: "Namkeen mix", uqc: "KGS", qty: 60, rt: 5, txval: 3000, iamt: 0, camt: 75, samt: 75, csamt: 0 },
        { num: 5, hsn_sc: "84501100", desc: "Washing machine 7 kg", uqc: "PCS", qty: 2, rt: 18, txval: 18000, iamt: 1800, camt: 0, samt: 0, csamt: 0 },
        { num: 6, hsn_sc: "996511", desc: "Goods transport", uqc: "NA", qty: 0, rt: 5, txval: 20000, iamt: 1000, camt: 0, samt: 0, csamt: 0 },
      ],
      hsn_b2c: [
        { num: 1, hsn_sc: "10063010", desc: "Rice loose", uqc: "KGS", qty: 20, rt: 0, txval: 800, iamt: 0, camt: 0, samt: 0, csamt: 0 },
        // INV 6 (10) + INV 7 (20) + INV 9 (500) + INV 10 (400) − CN 3 (2) − CN 4 (50) = 878; value 1000 + 2000 + 50000 + 40000 − 200 − 5000.
        { num: 2, hsn_sc: "19053100", desc: "Glucose biscuits 100 g", uqc: "PCS", qty: 878, rt: 18, txval: 87800, iamt: 8100, camt: 252, samt: 252, csamt: 0 },
        { num: 3, hsn_sc: "21069099", desc: "Namkeen mix", uqc: "KGS", qty: 5, rt: 5, txval: 500, iamt: 0, camt: 12.5, samt: 12.5, csamt: 0 },
        { num: 4, hsn_sc: "22021010", desc: "Aerated drink 300 ml", uqc: "PCS", qty: 30, rt: 40, txval: 3100, iamt: 1240, camt: 0, samt: 0, csamt: 0 },
        { num: 5, hsn_sc: "27101930", desc: "High speed diesel", uqc: "LTR", qty: 10, rt: 0, txval: 900, iamt: 0, camt: 0, samt: 0, csamt: 0 },
        // INV 4 + INV 5 − CN 2 (value only): 84746.61 + 84745.76 − 10000; IGST 15254.39 + 15254.24 − 1800.
        { num: 6, hsn_sc: "84501100", desc: "Washing machine 7 kg", uqc: "PCS", qty: 2, rt: 18, txval: 159492.37, iamt: 28708.63, camt: 0, samt: 0, csamt: 0 },
      ],
    });
  });

  it("doc_issue: per nature (1 invoices, 4 debit notes, 5 credit notes), the range used, cancelled counted", () => {
    expect(json.doc_issue).toEqual({
      doc_det: [
        { doc_num: 1, docs: [{ num: 1, from: "INV/26-27/000001", to: "INV/26-27/000016", totnum: 16, cancel: 1, net_issue: 15 }] },
        { doc_num: 4, docs: [{ num: 1, from: "DN/26-27/000001", to: "DN/26-27/000002", totnum: 2, cancel: 0, net_issue: 2 }] },
        { doc_num: 5, docs: [{ num: 1, from: "CN/26-27/000001", to: "CN/26-27/000004", totnum: 4, cancel: 0, net_issue: 4 }] },
      ],
    });
  });

  it("ties to the books: sections = sales register, HSN = sections, doc_issue = the series", () => {
    const t = tieOut(buildGstr1({ gstin: SUPPLIER_GSTIN, fp: "112026", documents: november2026 }));
    // Invoices 335192.37 − credit notes 16200 + debit notes 600 (cancelled INV 16 and October's INV 99 left out).
    expect(t.register).toEqual({ taxable: "319592.37", igst: "42918.63", cgst: "1149.50", sgst: "1149.50", cess: "0.00", documents: 21 });
    expect(t.sections).toEqual({ taxable: "319592.37", igst: "42918.63", cgst: "1149.50", sgst: "1149.50", cess: "0.00" });
    expect(t.hsn).toEqual(t.sections);
    expect(t.checks.filter((c) => !c.ok)).toEqual([]);
    expect(t.ok).toBe(true);
  });
});

describe("periods and thresholds", () => {
  it("April 2025 (before the May 2025 split): one hsn.data table for every buyer", () => {
    const docs = [
      doc({ number: "INV/25-26/000001", issueDate: "2025-04-03", buyerGstin: INTRA_BUYER }, [["19053100", "Biscuits", "PCS", "10", "1000.00", "18", "90.00", "90.00", "0"]]),
      doc({ number: "INV/25-26/000002", issueDate: "2025-04-04" }, [["19053100", "Biscuits", "PCS", "5", "500.00", "18", "45.00", "45.00", "0"]]),
    ];
    const { json } = buildGstr1({ gstin: SUPPLIER_GSTIN, fp: "042025", documents: docs });
    expect(json.hsn).toEqual({ data: [{ num: 1, hsn_sc: "19053100", desc: "Biscuits", uqc: "PCS", qty: 15, rt: 18, txval: 1500, iamt: 0, camt: 135, samt: 135, csamt: 0 }] });
  });

  it("May 2025 is split, and a quarter is asked for by its last month (062025 = April–June)", () => {
    const docs = [
      doc({ number: "INV/25-26/000001", issueDate: "2025-04-03", buyerGstin: INTRA_BUYER }, [["19053100", "Biscuits", "PCS", "10", "1000.00", "18", "90.00", "90.00", "0"]]),
      doc({ number: "INV/25-26/000002", issueDate: "2025-06-30" }, [["19053100", "Biscuits", "PCS", "5", "500.00", "18", "45.00", "45.00", "0"]]),
      doc({ number: "INV/25-26/000003", issueDate: "2025-07-01" }, [["19053100", "Biscuits", "PCS", "5", "500.00", "18", "45.00", "45.00", "0"]]),
    ];
    const q = buildGstr1({ gstin: SUPPLIER_GSTIN, fp: "062025", frequency: "quarterly", documents: docs });
    expect(q.period).toMatchObject({ from: "2025-04-01", to: "2025-06-30", hsnSplit: true });
    expect(q.json.hsn).toEqual({
      hsn_b2b: [{ num: 1, hsn_sc: "19053100", desc: "Biscuits", uqc: "PCS", qty: 10, rt: 18, txval: 1000, iamt: 0, camt: 90, samt: 90, csamt: 0 }],
      hsn_b2c: [{ num: 1, hsn_sc: "19053100", desc: "Biscuits", uqc: "PCS", qty: 5, rt: 18, txval: 500, iamt: 0, camt: 45, samt: 45, csamt: 0 }],
    });
    expect(q.json.doc_issue).toEqual({ doc_det: [{ doc_num: 1, docs: [{ num: 1, from: "INV/25-26/000001", to: "INV/25-26/000002", totnum: 2, cancel: 0, net_issue: 2 }] }] });
    expect(() => buildGstr1({ gstin: SUPPLIER_GSTIN, fp: "052025", frequency: "quarterly", documents: docs })).toThrow(RangeError);
  });

  it("B2CL limit ₹2,50,000 up to 31 Jul 2024 and ₹1,00,000 from 1 Aug 2024 (Notification 12/2024-CT)", () => {
    const big = (number: string, issueDate: string) => doc({ number, issueDate, placeOfSupply: "27" }, [["84501100", "Machine", "PCS", "1", "200000.00", "18", "0", "0", "36000.00"]]);
    const { json } = buildGstr1({ gstin: SUPPLIER_GSTIN, fp: "092024", frequency: "quarterly", documents: [big("INV/24-25/000001", "2024-07-31"), big("INV/24-25/000002", "2024-08-01")] });
    // 2,36,000 is not above 2,50,000 on 31 Jul: B2CS. On 1 Aug it is above 1,00,000: B2CL.
    expect(json.b2cs).toEqual([{ sply_ty: "INTER", pos: "27", typ: "OE", rt: 18, txval: 200000, iamt: 36000, camt: 0, samt: 0, csamt: 0 }]);
    expect(json.b2cl).toEqual([{ pos: "27", inv: [{ inum: "INV/24-25/000002", idt: "01-08-2024", val: 236000, itms: [{ num: 1, itm_det: { rt: 18, txval: 200000, iamt: 36000, csamt: 0 } }] }] }]);
  });

  it("a number missing inside a series is filed as cancelled", () => {
    const mk = (n: string) => doc({ number: `INV/26-27/00000${n}`, issueDate: "2026-11-02" }, [["19053100", "Biscuits", "PCS", "1", "100.00", "18", "9.00", "9.00", "0"]]);
    const b = buildGstr1({ gstin: SUPPLIER_GSTIN, fp: "112026", documents: [mk("1"), mk("2"), mk("5")] });
    // 1..5 is 5 numbers; 3 and 4 missing: cancel 2, net 3.
    expect(b.json.doc_issue).toEqual({ doc_det: [{ doc_num: 1, docs: [{ num: 1, from: "INV/26-27/000001", to: "INV/26-27/000005", totnum: 5, cancel: 2, net_issue: 3 }] }] });
    expect(b.series[0]!.missing).toEqual(["INV/26-27/000003", "INV/26-27/000004"]);
  });

  it("a number issued in another period (a backdated invoice took a later number) splits the range; a gap after it is missing", () => {
    const mk = (n: string) => doc({ number: `INV/26-27/00000${n}`, issueDate: "2026-11-02" }, [["19053100", "Biscuits", "PCS", "1", "100.00", "18", "9.00", "9.00", "0"]]);
    // 1, 2 and 5 in November; 3 was issued in December; 4 exists nowhere.
    const b = buildGstr1({ gstin: SUPPLIER_GSTIN, fp: "112026", documents: [mk("1"), mk("2"), mk("5")], otherPeriodNumbers: ["INV/26-27/000003"] });
    expect(b.json.doc_issue).toEqual({
      doc_det: [
        {
          doc_num: 1,
          docs: [
            { num: 1, from: "INV/26-27/000001", to: "INV/26-27/000002", totnum: 2, cancel: 0, net_issue: 2 },
            { num: 2, from: "INV/26-27/000004", to: "INV/26-27/000005", totnum: 2, cancel: 1, net_issue: 1 },
          ],
        },
      ],
    });
  });

  it("an empty month is just the header", () => {
    expect(buildGstr1({ gstin: SUPPLIER_GSTIN, fp: "012027", documents: november2026 }).json).toEqual({ gstin: SUPPLIER_GSTIN, fp: "012027", version: "GST3.0.4", hash: "hash" });
  });
});

import { describe, expect, it } from "vitest";
import { listProductsCountSql, listProductsPageSql, type ListFilter } from "@/lib/catalog/list-products-sql";

const base: ListFilter = { companyId: "co1", q: null, categoryIds: null, active: "all", stock: null, sort: "name", dir: "asc", offset: 0, limit: 21 };

describe("product list SQL", () => {
  it("always scopes by the company and binds every user value as a parameter", () => {
    const sql = listProductsPageSql({ ...base, q: "dal'; DROP TABLE x; --", categoryIds: ["c1", "c2"], active: "active", stock: "low" });
    expect(sql.text).toContain(`p."companyId" = $1`);
    expect(sql.text).not.toContain("DROP TABLE");
    expect(sql.values).toContain("co1");
    expect(sql.values).toContainEqual(["c1", "c2"]);
    expect(listProductsCountSql(base).text).toContain(`p."companyId" = $1`);
  });

  it("escapes LIKE wildcards in the search", () => {
    const sql = listProductsPageSql({ ...base, q: "50%_off" });
    expect(sql.values).toContain("%50\\%\\_off%");
    expect(sql.values).toContain("50%_off"); // the barcode is compared as typed
  });

  it("short searches match word starts; longer ones anywhere", () => {
    expect(listProductsPageSql({ ...base, q: "po" }).values).toEqual(expect.arrayContaining(["po%", "% po%"]));
    expect(listProductsPageSql({ ...base, q: "poh" }).values).toContain("%poh%");
  });

  it("fences searches so matches are found by index before sorting, and sorts with a stable tie-break", () => {
    const searched = listProductsPageSql({ ...base, q: "tata", sort: "basePrice", dir: "desc" }).text;
    expect(searched).toContain("OFFSET 0) p");
    expect(searched).toContain(`p."basePrice" DESC, p.id DESC`);
    expect(listProductsPageSql(base).text).not.toContain("OFFSET 0) p");
    expect(listProductsPageSql({ ...base, q: "t" }).text).not.toContain("OFFSET 0) p");
    expect(listProductsPageSql({ ...base, categoryIds: ["c1"] }).text).toContain("OFFSET 0) p");
  });

  it("uncategorised means a null category", () => {
    expect(listProductsPageSql({ ...base, categoryIds: "none" }).text).toContain(`p."categoryId" IS NULL`);
  });
});

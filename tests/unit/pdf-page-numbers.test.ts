// "Page n of m" without react-pdf's render prop (lib/billing/pdf/render-document.tsx): the count is
// taken from the finished layout and each page paints its own number, in order; a document whose pages
// do not all carry the footer is refused rather than numbered wrong, and a component that throws
// fails the render with a message instead of a PDF.
import { Document, Page, Text } from "@react-pdf/renderer";
import { createElement as h } from "react";
import { describe, expect, it } from "vitest";
import { PageNumber, renderDocument } from "@/lib/billing/pdf/render-document";
import { s } from "@/lib/billing/pdf/styles";
import { readPdf } from "../support/pdf-text";

// The app's page style (DejaVu Sans, which the test's text reader decodes).
const para = (i: number) => h(Text, { key: i }, `Paragraph ${i + 1} of a long statement that runs over more than one page of A4.`);

describe("renderDocument", () => {
  it("numbers a document that flows over pages, and one of several <Page>s, as one run", async () => {
    const flowing = readPdf(await renderDocument((numbering) => h(Document, null, h(Page, { size: "A4", style: s.page }, ...Array.from({ length: 120 }, (_, i) => para(i)), h(PageNumber, { numbering })))));
    expect(flowing.pageCount).toBeGreaterThanOrEqual(2);
    flowing.pages.forEach((page, i) => expect(page).toContain(`Page ${i + 1} of ${flowing.pageCount}`));

    const copies = readPdf(await renderDocument((numbering) => h(Document, null, ...["Original", "Duplicate", "Triplicate"].map((copy) => h(Page, { key: copy, size: "A4", style: s.page }, h(Text, null, copy), h(PageNumber, { numbering }))))));
    expect(copies.pages.map((page) => page.match(/Page \d of \d/)?.[0])).toEqual(["Page 1 of 3", "Page 2 of 3", "Page 3 of 3"]);
  });

  it("refuses a document whose page numbers would not add up", async () => {
    // The footer on the first of two pages only: the one page it painted cannot say which it is.
    const draw = (numbering: Parameters<typeof PageNumber>[0]["numbering"]) => h(Document, null, h(Page, { size: "A4", style: s.page }, h(Text, null, "One"), h(PageNumber, { numbering })), h(Page, { size: "A4", style: s.page }, h(Text, null, "Two")));
    await expect(renderDocument(draw)).rejects.toThrow("Page numbers painted on 1 of 2 pages");
  });

  it("fails with a message when a component throws", async () => {
    const Broken = () => {
      throw new TypeError("no seller");
    };
    // react-pdf's reconciler prints the TypeError itself (console.error, bound when it loads).
    await expect(renderDocument(() => h(Document, null, h(Page, { style: s.page }, h(Broken))))).rejects.toThrow(/failed to render/);
  });

  it("draws a document without page numbers", async () => {
    const facts = readPdf(await renderDocument(() => h(Document, null, h(Page, { size: "A4", style: s.page }, h(Text, null, "Just one line")))));
    expect(facts.text).toContain("Just one line");
    expect(facts.text).not.toContain("Page 1");
  });
});

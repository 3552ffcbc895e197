// Draws a react-pdf document to bytes, as react-pdf's own renderToBuffer does (the same reconciler,
// layout, renderer and pdfkit options), with one difference: the page count is known before the
// first page is drawn, so every page's "Page n of m" is painted (<PageNumber>) rather than laid out.
//
// react-pdf prints a page number through a `render` prop, and a page holding such a node is laid
// out again in full: once while the pages are split, and once more for each page when the count is
// known. On a 2-page, 20-line invoice those layouts were 40 % of the time (the renderer alone went
// from ~240 ms to ~145 ms without them; bench/README.md). Here the layout runs once, its page count
// is handed to the footer, and the footer draws its text with pdfkit on each page in turn.
import layoutDocument from "@react-pdf/layout";
import renderLayout from "@react-pdf/render";
import { Canvas, Font, pdf, type DocumentProps } from "@react-pdf/renderer";
import PDFDocument from "pdfkit";
import type { ReactElement } from "react";
import { PDF_FONT, registerPdfFonts } from "./fonts";
import { MUTED, s } from "./styles";

/** What the footer needs: the document's page count (known once it is laid out) and the pages painted so far. */
export class PageNumbering {
  total = 0;
  painted = 0;
  /** The next page's label: the n-th call is page n. */
  next(): string {
    this.painted += 1;
    return `Page ${this.painted} of ${this.total}`;
  }
}

type Painter = {
  font(src: unknown, size?: number): Painter;
  fillColor(color: string): Painter;
  text(text: string, x: number, y: number, options: { width: number; align: "right"; lineBreak: false }): Painter;
};

/**
 * "Page n of m" at the bottom right of every page. It is `fixed` (repeated on each page) and drawn
 * once per page in page order, so the n-th paint is page n.
 */
export function PageNumber({ numbering }: { numbering: PageNumbering }) {
  return (
    <Canvas
      fixed
      style={s.pageNumber}
      paint={(painter: Painter, width = 0) => {
        // The laid-out text's own font object, so pdfkit adds these glyphs to the font it already embeds
        // (loaded by the layout of any regular text; a page of bold text only would fall back to Helvetica).
        const font = Font.getFont({ fontFamily: PDF_FONT, fontWeight: "normal" })?.data ?? "Helvetica";
        painter
          .font(font, s.pageNumber.fontSize)
          .fillColor(MUTED)
          .text(numbering.next(), 0, 0, { width, align: "right", lineBreak: false });
        return null;
      }}
    />
  );
}

type LayoutNode = { props?: Record<string, unknown> | null; children?: unknown[] };
const layout = layoutDocument as unknown as (doc: LayoutNode, fonts: typeof Font) => Promise<LayoutNode>;
const render = renderLayout as unknown as (ctx: NodeJS.ReadableStream, doc: LayoutNode) => NodeJS.ReadableStream;

/**
 * The PDF of `draw(numbering)`, a <Document>. Whatever it draws uses <PageNumber numbering={numbering} />
 * for its page numbers; a document without one is fine too.
 */
export async function renderDocument(draw: (numbering: PageNumbering) => ReactElement<DocumentProps>): Promise<Buffer> {
  registerPdfFonts();
  const numbering = new PageNumbering();
  // pdf() builds react-pdf's node tree from the element at once (a synchronous React render). A
  // component that throws leaves no document: react-pdf's reconciler logs the error (console.error)
  // and does not rethrow it.
  const root = (pdf(draw(numbering)) as unknown as { container: { document: LayoutNode | null } }).container.document;
  if (!root) throw new Error("The PDF's components failed to render (react-pdf logged why), or drew no <Document>");
  const props = (root.props ?? {}) as DocumentProps;
  const laidOut = await layout(root, Font);
  numbering.total = laidOut.children?.length ?? 0;
  // The options react-pdf's renderToBuffer gives pdfkit for a document with these props (the ones this app's
  // documents set; react-pdf's others — pageMode, pageLayout, passwords, PDF/A — are not carried over).
  const info: Record<string, unknown> = {
    Title: props.title,
    Author: props.author,
    Subject: props.subject,
    Keywords: props.keywords,
    Creator: props.creator ?? "react-pdf",
    Producer: props.producer ?? "react-pdf",
    CreationDate: props.creationDate ?? new Date(),
    ModificationDate: props.modificationDate,
  };
  for (const key of Object.keys(info)) if (info[key] == null) delete info[key];
  const ctx = new PDFDocument({ compress: true, lang: props.language, displayTitle: true, autoFirstPage: false, info });
  reuseFonts(ctx as unknown as FontSetter);
  const stream = render(ctx, laidOut); // draws every page and ends the document
  const bytes = await new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("end", () => resolve(Buffer.concat(chunks)));
    stream.on("error", reject);
  });
  if (numbering.painted !== 0 && numbering.painted !== numbering.total) {
    // Never a PDF whose page numbers are wrong: the footer counts its paints to know its page.
    throw new Error(`Page numbers painted on ${numbering.painted} of ${numbering.total} pages`);
  }
  return bytes;
}

type FontSetter = { font(src: unknown, family?: unknown, size?: unknown): unknown };
const fontKeys = new WeakMap<object, string>();
let fontCount = 0;

/**
 * react-pdf sets the font before every run of text by passing pdfkit the font object, without a
 * name. pdfkit caches fonts by name only, so each call built a new embedded-font wrapper and compared
 * it with the one already embedded (serialising the font's name table): 18 ms of a 2-page invoice.
 * Here each font object gets a name of its own, the key pdfkit then finds its embedded font under.
 */
function reuseFonts(ctx: FontSetter) {
  const setFont = ctx.font.bind(ctx);
  ctx.font = (src, family, size) => {
    if (src === null || typeof src !== "object" || typeof family === "string") return setFont(src, family, size);
    let key = fontKeys.get(src);
    if (!key) fontKeys.set(src, (key = `react-pdf-font-${++fontCount}`));
    return setFont(src, key, family);
  };
}

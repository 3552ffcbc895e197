// Reads back what a PDF made by react-pdf (pdfkit) says, for tests: inflates its streams, maps each
// embedded font's glyph codes to Unicode through the font's ToUnicode CMap, and decodes the text
// operators of the page content. Only what pdfkit writes is handled (Type0/Identity-H fonts with
// 2-byte codes, direct /Length, FlateDecode), which is all these tests need.
import { inflateSync } from "node:zlib";

export type PdfFacts = {
  /** Page objects ("/Type /Page", not "/Pages"). */
  pageCount: number;
  /** Decoded text of every page in drawing order, runs joined without separators (react-pdf splits lines into runs). */
  text: string;
  /** The same, page by page. */
  pages: string[];
  /** BaseFont names of the embedded fonts, e.g. "ABCDEF+DejaVuSans". */
  fonts: string[];
  /** Unicode → glyph code (hex) per font name, for glyph checks ("is ₹ a real glyph?"). */
  codesFor(char: string): string[];
};

export function readPdf(bytes: Buffer): PdfFacts {
  const raw = bytes.toString("latin1");
  const objects = new Map<number, { dict: string; stream: string | null }>();
  const objRe = /(\d+) 0 obj\s*/g;
  let m: RegExpExecArray | null;
  while ((m = objRe.exec(raw))) {
    const start = m.index + m[0].length;
    // The dictionary ends where "stream" or "endobj" starts; stream data is skipped by its /Length,
    // since binary font and image data can hold any bytes (even "endobj").
    const endobj = raw.indexOf("endobj", start);
    const si = raw.indexOf("stream", start);
    let dict = raw.slice(start, endobj);
    let stream: string | null = null;
    let end = endobj;
    if (si >= 0 && si < endobj && /\/Length \d+/.test(raw.slice(start, si))) {
      dict = raw.slice(start, si);
      let from = si + "stream".length;
      if (raw[from] === "\r") from++;
      if (raw[from] === "\n") from++;
      // A direct /Length is exact; an indirect one ("/Length 12 0 R") falls back to "endstream".
      const direct = /\/Length (\d+)(?!\s+\d+\s+R)/.exec(dict);
      const length = direct ? Number(direct[1]) : raw.indexOf("endstream", from) - from;
      const data = bytes.subarray(from, from + length);
      stream = (/\/FlateDecode/.test(dict) ? inflateSync(data) : data).toString("latin1");
      end = raw.indexOf("endobj", from + length);
    }
    objects.set(Number(m[1]), { dict, stream });
    objRe.lastIndex = end;
  }
  // Font resource names (pdfkit's are unique per document) → their ToUnicode maps.
  const cmaps = new Map<string, Map<string, string>>();
  const fonts: string[] = [];
  for (const [, o] of objects) {
    for (const [, name, ref] of o.dict.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
      const font = objects.get(Number(ref));
      const toUni = font && /\/ToUnicode (\d+) 0 R/.exec(font.dict);
      if (toUni && !cmaps.has(name)) cmaps.set(name, parseCmap(objects.get(Number(toUni[1]))?.stream ?? ""));
    }
    const base = /\/BaseFont \/([^\s/>]+)/.exec(o.dict);
    if (base && /\/Type \/Font/.test(o.dict) && !fonts.includes(base[1])) fonts.push(base[1]);
  }
  const pages = [...objects.values()].filter((o) => /\/Type \/Page(?!s)/.test(o.dict));
  const texts = pages.map((page) => [...page.dict.matchAll(/\/Contents (\d+) 0 R/g)].map(([, ref]) => decodeContent(objects.get(Number(ref))?.stream ?? "", cmaps)).join(""));
  return {
    pageCount: pages.length,
    text: texts.join("\n"),
    pages: texts,
    fonts,
    codesFor(char: string) {
      const target = char.codePointAt(0)!.toString(16).padStart(4, "0").toUpperCase();
      return [...cmaps.values()].flatMap((map) => [...map].filter(([, u]) => u.toUpperCase() === target).map(([code]) => code));
    },
  };
}

function parseCmap(src: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const [, block] of src.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, code, uni] of block.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F\s]+)>/g)) map.set(code.toUpperCase(), uni.replace(/\s+/g, ""));
  }
  for (const [, block] of src.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, lo, hi, rest] of block.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F\s]+>)/g)) {
      const from = parseInt(lo, 16);
      const to = parseInt(hi, 16);
      const width = lo.length;
      if (rest.startsWith("[")) {
        // A ligature glyph maps to several characters: <0066 0066> is "ff".
        const dst = [...rest.matchAll(/<([0-9a-fA-F\s]+)>/g)].map((x) => x[1].replace(/\s+/g, ""));
        for (let c = from; c <= to && c - from < dst.length; c++) map.set(c.toString(16).padStart(width, "0").toUpperCase(), dst[c - from]);
      } else {
        const base = parseInt(rest.slice(1, -1).replace(/\s+/g, ""), 16);
        for (let c = from; c <= to; c++) map.set(c.toString(16).padStart(width, "0").toUpperCase(), (base + c - from).toString(16).padStart(4, "0"));
      }
    }
  }
  return map;
}

function decodeContent(content: string, cmaps: Map<string, Map<string, string>>): string {
  let font: Map<string, string> | undefined;
  let out = "";
  const tokens = /\/(F\d+) [\d.]+ Tf|\[((?:<[0-9a-fA-F]*>|[^\]])*)\] TJ|<([0-9a-fA-F]*)> Tj/g;
  for (const t of content.matchAll(tokens)) {
    if (t[1]) font = cmaps.get(t[1]);
    else if (t[2] !== undefined) for (const [, hex] of t[2].matchAll(/<([0-9a-fA-F]*)>/g)) out += decodeHex(hex, font);
    else if (t[3] !== undefined) out += decodeHex(t[3], font);
  }
  return out;
}

function decodeHex(hex: string, cmap: Map<string, string> | undefined): string {
  let s = "";
  for (let i = 0; i + 4 <= hex.length; i += 4) {
    const uni = cmap?.get(hex.slice(i, i + 4).toUpperCase());
    if (!uni) continue;
    for (let j = 0; j + 4 <= uni.length; j += 4) s += String.fromCodePoint(parseInt(uni.slice(j, j + 4), 16));
  }
  return s;
}

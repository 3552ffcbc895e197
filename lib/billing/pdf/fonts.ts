// The one font of every billing PDF: DejaVu Sans, embedded (subset) from the repo. The PDF standard
// fonts (Helvetica …) have no ₹ glyph, and a network font would make rendering depend on the
// internet, so the TTFs live next to this file and are registered by absolute path.
import path from "node:path";
import { Font } from "@react-pdf/renderer";
import { ensureReactPdfCompat } from "./react-compat";

export const PDF_FONT = "DejaVu Sans";

let registered = false;

/** Registers the font once per process (react-pdf keeps a global font store); every render calls it first. */
export function registerPdfFonts() {
  if (registered) return;
  ensureReactPdfCompat();
  const dir = path.join(process.cwd(), "lib", "billing", "pdf", "fonts");
  Font.register({
    family: PDF_FONT,
    fonts: [
      { src: path.join(dir, "DejaVuSans.ttf"), fontWeight: "normal" },
      { src: path.join(dir, "DejaVuSans-Bold.ttf"), fontWeight: "bold" },
    ],
  });
  // Words are never hyphenated: react-pdf's default English hyphenation would split GSTINs,
  // invoice numbers and product names ("INV/25-26/0001-23") across lines.
  Font.registerHyphenationCallback((word) => [word]);
  registered = true;
}

import { describe, expect, it } from "vitest";
import { z } from "zod";
import { assertCleanRequest, findForbiddenChars, forbiddenCharAt, MAX_INPUT_DEPTH } from "@/lib/control-chars";
import { AppError } from "@/lib/errors";
import { booleanSchema, emailSchema, numberFromText, optionalText, parseInput, requiredText, textSchema } from "@/lib/validation";

const refused = (fn: () => unknown): AppError => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error("expected the input to be refused");
};

describe("characters no text field may hold", () => {
  it("refuses C0 controls except tab, LF and CR, DEL, C1 controls and unpaired surrogates", () => {
    for (let c = 0; c < 0x20; c++) {
      const s = `ab${String.fromCharCode(c)}cd`;
      expect(forbiddenCharAt(s), `U+${c.toString(16)}`).toBe(c === 9 || c === 10 || c === 13 ? -1 : 2);
    }
    for (let c = 0x7f; c <= 0x9f; c++) expect(forbiddenCharAt(`x${String.fromCharCode(c)}`)).toBe(1);
    expect(forbiddenCharAt("a\uD800")).toBe(1); // high surrogate at the end
    expect(forbiddenCharAt("a\uD800b")).toBe(1); // high surrogate before a non-surrogate
    expect(forbiddenCharAt("a\uDC00")).toBe(1); // low surrogate alone
    expect(forbiddenCharAt("\uDC00\uD800")).toBe(0); // the pair in the wrong order
  });

  it("lets every real character through: Indian scripts, emoji, combining marks, NBSP, line breaks", () => {
    for (const s of ["", "Atta 5 kg", "आटा ५ किलो", "ಅಕ್ಕಿ", "தமிழ்", "😀🇮🇳👩🏽‍💻", "e\u0301\u0327", "a\u00A0b ₹1,250.00", "line 1\r\nline 2\tend", "\uFEFF\uFFFD"]) {
      expect(forbiddenCharAt(s), s).toBe(-1);
    }
  });

  it("names every bad field by its path, keys included, and stays null when clean", () => {
    expect(findForbiddenChars({ a: "ok", lines: [{ note: "fine", qty: 2 }], d: new Date(), n: null })).toBeNull();
    const errors = findForbiddenChars({ name: "a\u0000b", lines: [{ note: "ok" }, { note: "\u0007" }], tags: ["x", "\uD83D"], "bad\u0000key": 1 });
    expect(Object.keys(errors!).sort()).toEqual(["bad\\u0000key", "lines.1.note", "name", "tags.1"]);
    expect(errors!.name[0]).toContain("U+0000");
    expect(errors!["tags.1"][0]).toContain("unpaired surrogate (U+D83D)");
    expect(findForbiddenChars("\u0000")).toEqual({ _: [expect.stringContaining("U+0000")] });
  });

  it("refuses input nested deeper than any form or body needs, without recursing into it", () => {
    let deep: unknown = "x";
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findForbiddenChars(deep)).toEqual({ [Array(MAX_INPUT_DEPTH).fill(0).join(".")]: [expect.stringContaining("Nested")] });
  });

  it("parseInput answers 422 validation naming the field before the schema runs", () => {
    const schema = z.strictObject({ name: z.string(), lines: z.array(z.object({ note: z.string() })) });
    const err = refused(() => parseInput(schema, { name: "ok", lines: [{ note: "a\u0000" }] }));
    expect(err.code).toBe("validation");
    expect(err.status).toBe(422);
    expect(err.fieldErrors).toEqual({ "lines.0.note": [expect.stringContaining("U+0000")] });
    // Ordinary rule breaks keep their 400.
    expect(refused(() => parseInput(schema, { name: 1, lines: [] })).status).toBe(400);
  });

  it("the shared text schemas refuse them on their own, and parseInput maps that to 422", () => {
    expect(textSchema().safeParse("a\u0000").success).toBe(false);
    expect(requiredText("Name").safeParse("Atta\u001b").success).toBe(false);
    expect(optionalText().safeParse("x\u007f").success).toBe(false);
    expect(emailSchema.safeParse("a\u0000@b.in").success).toBe(false);
    expect(requiredText("Name").safeParse(" आटा 😀 ").data).toBe("आटा 😀");
    expect(optionalText().safeParse("  ").data).toBeNull();
    const r = textSchema().safeParse("\u0085");
    expect(r.error!.issues[0].message).toContain("U+0085");
  });

  it("assertCleanRequest checks the body, query string and path parameters", () => {
    const clean = { body: { a: "b" }, query: new URLSearchParams("q=atta&limit=5"), params: { id: "abc" } };
    expect(() => assertCleanRequest(clean)).not.toThrow();
    const err = refused(() => assertCleanRequest({ body: { items: [{ name: "\u0000" }] }, query: new URLSearchParams("q=%00&ok=1"), params: { id: "a\u0001" } }));
    expect(err.status).toBe(422);
    expect(Object.keys(err.fieldErrors!).sort()).toEqual(["id", "items.0.name", "q"]);
  });

  it("a yes/no field takes booleans and the words forms send, and refuses any other text", () => {
    for (const v of [true, "true", "on", "Yes", " 1 ", "y"]) expect(booleanSchema.parse(v), String(v)).toBe(true);
    for (const v of [false, "false", "off", "no", "0", "", "n"]) expect(booleanSchema.parse(v), String(v)).toBe(false);
    for (const v of ["NaN", "banana", "😀", "12", 1, null, {}]) expect(booleanSchema.safeParse(v).success, String(v)).toBe(false);
  });

  it("a number field takes a number or its text, never true, null, blank or [] as 1 or 0", () => {
    const days = z.preprocess(numberFromText, z.number().int().min(0));
    expect(days.parse(30)).toBe(30);
    expect(days.parse(" 30 ")).toBe(30);
    for (const v of [true, false, null, "", " ", [], ["1"], "12abc", "NaN", "1e3", {}]) expect(days.safeParse(v).success, JSON.stringify(v)).toBe(false);
  });
});

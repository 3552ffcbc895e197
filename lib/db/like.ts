// LIKE / ILIKE patterns from user text: "50%" and "a_b" must match those characters, not act as
// wildcards (backslash is PostgreSQL's default LIKE escape).

export function escapeLike(text: string) {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** '%text%': the text anywhere. */
export const containsPattern = (text: string) => `%${escapeLike(text)}%`;

/** 'text%': the text at the start. */
export const startsWithPattern = (text: string) => `${escapeLike(text)}%`;

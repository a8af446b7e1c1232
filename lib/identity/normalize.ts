/** Full-width ASCII (U+FF01–U+FF5E) to half-width, ideographic space to a normal space. */
export function toHalfWidth(input: string): string {
  return input
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, " ");
}

/** Removes every kind of whitespace, including zero-width characters pasted from chat apps. */
export function stripAllSpaces(input: string): string {
  return input.replace(/[\s\u200B-\u200D\uFEFF]/g, "");
}

/** Number of Unicode code points (a CJK extension character counts once, not as two UTF-16 units). */
export function codePointLength(input: string): number {
  return Array.from(input).length;
}

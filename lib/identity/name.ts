import { codePointLength, toHalfWidth } from "./normalize";
import { toSimplified } from "./simplified";

export type NameResult =
  | { ok: true; value: string }
  | { ok: false; reason: "empty" | "format" | "traditional"; suggestion?: string };

/**
 * What people type between the parts of an ethnic-minority or foreign name instead of the middle dot
 * U+00B7: the ASCII period (also what the full-width ． becomes), bullets, katakana and hyphenation
 * points, dot operators. Applied after toHalfWidth, so full-width forms are covered too.
 */
const DOT = "[.\\u00B7\\u30FB\\uFF65\\u2022\\u2027\\u2219\\u22C5\\u16EB\\u318D\\u0387\\u2E31]";
/** Whitespace, zero-width characters pasted from chat apps included. */
const SPACE = "[\\s\\u200B-\\u200D\\uFEFF]";
const DOT_VARIANTS = new RegExp(DOT, "g");
const SPACES = new RegExp(`${SPACE}+`, "g");
/** A dot variant with the spaces people put around it: one separator. */
const SPACED_DOT = new RegExp(`${SPACE}*${DOT}${SPACE}*`, "g");
/**
 * A space between Han parts stands for the dot in a longer (minority) name, "依明 阿布都热依木"; in a
 * name of at most 4 characters it is the habit of spacing 张 三 and is dropped. Matching never depends
 * on this guess: nameKey ignores separators.
 */
const SHORT_HAN_NAME = 4;

const HAN = /\p{Script=Han}/u;
const CHINESE_NAME = /^[\p{Script=Han}·]+$/u;
const LATIN_NAME = /^[A-Za-z\u00C0-\u024F]+(?:[ '\-.·][A-Za-z\u00C0-\u024F]+)*$/u;

/**
 * The one normalisation of a Han name's separators: every dot variant, with any spaces around it, becomes
 * one "·"; a run of spaces between parts becomes "·" too in a name longer than 4 characters (else it is
 * dropped). A dot at the start or end, or two dots in a row, stay for the format check to refuse.
 */
export function normalizeHanSeparators(text: string): string {
  const dotted = text.trim().replace(SPACED_DOT, "·");
  const joined = dotted.replace(SPACES, "");
  return codePointLength(joined) > SHORT_HAN_NAME ? dotted.replace(SPACES, "·") : joined;
}

/**
 * 姓名 rules wherever a name is entered (registration, recovery, binding, roster import, corrections):
 * separators normalised (normalizeHanSeparators; U+00B7 is what is stored), at least 2 characters, Han
 * characters of any block (rare characters too) or a Latin name, traditional characters flagged with the
 * simplified form suggested. Some surnames (於, 鍾) are legitimately written that way, so the person may
 * keep the form they entered (keepTraditional).
 */
export function parseName(raw: string, options: { keepTraditional?: boolean } = {}): NameResult {
  const halfWidth = toHalfWidth(raw).trim();
  if (halfWidth.replace(SPACES, "") === "") return { ok: false, reason: "empty" };
  const value = HAN.test(halfWidth)
    ? normalizeHanSeparators(halfWidth)
    : halfWidth.replace(DOT_VARIANTS, (dot) => (dot === "." ? "." : "·")).replace(/\s+/g, " ");
  const length = codePointLength(value);
  if (length < 2 || length > 50) return { ok: false, reason: "format" };
  if (HAN.test(value)) {
    if (!CHINESE_NAME.test(value) || value.startsWith("·") || value.endsWith("·") || value.includes("··"))
      return { ok: false, reason: "format" };
    const simplified = toSimplified(value);
    if (simplified !== value && !options.keepTraditional)
      return { ok: false, reason: "traditional", suggestion: simplified };
    return { ok: true, value };
  }
  return LATIN_NAME.test(value) ? { ok: true, value: value.toUpperCase() } : { ok: false, reason: "format" };
}

/**
 * Normalised form used to compare a record's name with an account's name: width, case and every separator
 * (spaces, the middle dot and its variants) ignored, so "依明 阿布都热依木", "依明.阿布都热依木" and
 * "依明·阿布都热依木" are one name. The ID number is always compared beside it.
 */
export function nameKey(name: string): string {
  return toHalfWidth(name).replace(DOT_VARIANTS, "").replace(SPACES, "").toUpperCase();
}

import { codePointLength, toHalfWidth } from "./normalize";
import { toSimplified } from "./simplified";

export type NameResult =
  | { ok: true; value: string }
  | { ok: false; reason: "empty" | "format" | "traditional"; suggestion?: string };

/** Variants people type for the middle dot of ethnic-minority and foreign names. */
const DOT_VARIANTS = /[\u00B7\u30FB\u2022\u2027\u2219\u22C5\uFF0E\u16EB\u318D]/g;

const HAN = /\p{Script=Han}/u;
const CHINESE_NAME = /^[\p{Script=Han}·]+$/u;
const LATIN_NAME = /^[A-Za-z\u00C0-\u024F]+(?:[ '\-.·][A-Za-z\u00C0-\u024F]+)*$/u;

/**
 * 姓名 rules of the registration form: spaces removed (inside Chinese names too), dot variants unified to
 * "·", at least 2 characters, Han characters of any block (rare characters too) or a Latin name,
 * traditional characters flagged with the simplified form suggested. Some surnames (於, 鍾) are legitimately
 * written that way, so the person may keep the form they entered (keepTraditional).
 */
export function parseName(raw: string, options: { keepTraditional?: boolean } = {}): NameResult {
  const halfWidth = toHalfWidth(raw).replace(DOT_VARIANTS, "·").trim();
  if (halfWidth === "") return { ok: false, reason: "empty" };
  const value = HAN.test(halfWidth)
    ? halfWidth.replace(/[\s\u200B-\u200D\uFEFF]/g, "")
    : halfWidth.replace(/\s+/g, " ");
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

/** Normalised form used to compare a record's name with an account's name. */
export function nameKey(name: string): string {
  return toHalfWidth(name).replace(DOT_VARIANTS, "·").replace(/\s+/g, "").toUpperCase();
}

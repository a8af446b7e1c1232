/**
 * House style of the Chinese catalogue (government-service style): full-width punctuation in Chinese text
 * and 您, never 你. Pure functions shared by the unit test that guards the catalogue and the script that
 * fixes it (scripts/zh-punctuation.ts).
 */

/** Han characters, CJK punctuation (、。「」…) and full-width forms (，（）“”). */
const CJK = "\\p{Script=Han}\\u3000-\\u303f\\uff01-\\uff5e\\u2018\\u2019\\u201c\\u201d\\u2026";
const FULL: Record<string, string> = { ",": "，", ":": "：", ";": "；", "?": "？", "!": "！" };

/** A half-width , : ; ? ! right after Chinese text, or right before it (“XLSX,最大”, “{name},请”). */
const AFTER_CJK = new RegExp(`(?<=[${CJK}])[,:;?!]|[,:;?!](?=[${CJK}])`, "gu");
/** A pair of half-width brackets with Chinese inside or right beside it: 系(所、函授站), 项(已提交). */
const PAREN_PAIR = new RegExp(`(?<=[${CJK}])\\(([^()]*)\\)|\\(([^()]*[${CJK}][^()]*)\\)`, "gu");
/** A half-width , ; between two placeholders of a Chinese sentence (“{name},{start} 至 {end}”). */
const BETWEEN_PLACEHOLDERS = /(?<=\})[,;](?=\{)/g;
const HAS_CJK = new RegExp(`[${CJK}]`, "u");

export function fullWidthPunctuation(text: string): string {
  return text
    .replace(PAREN_PAIR, (_m, a: string | undefined, b: string | undefined) => `（${a ?? b}）`)
    .replace(AFTER_CJK, (p) => FULL[p])
    .replace(BETWEEN_PLACEHOLDERS, (p) => (HAS_CJK.test(text) ? FULL[p] : p));
}

/** Every place in `text` that breaks the house style, for a readable test failure. */
export function zhStyleProblems(text: string): string[] {
  const problems: string[] = [];
  if (text.includes("你")) problems.push("uses 你 (write 您)");
  if (fullWidthPunctuation(text) !== text) problems.push("half-width punctuation in Chinese text");
  return problems;
}

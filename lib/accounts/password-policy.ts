import { codePointLength } from "@/lib/identity/normalize";
import { nameKey } from "@/lib/identity/name";
import { convert15To18 } from "@/lib/identity/id-number";
import type { Message } from "@/lib/core/result";

/**
 * 密码 rules (SPEC §2.1, NIST SP 800-63B §3.1.1.2): at least 8 Unicode code points, at least 128 accepted
 * (256 is the cap so a pasted novel cannot tie up argon2), no composition rules, refused when it is only
 * spaces, a common password (also as "Password1!": case and trailing digits/symbols do not disguise it),
 * or contains the product's, 学信网's or the school's name, or the person's phone number, ID number or name.
 */
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 256;

/**
 * Words every guesser tries first on this site: the product's name, the national 学信网 (CHSI) it is
 * modelled on. The school's own name comes from the settings (PasswordContext.siteWords).
 */
export const PRODUCT_WORDS = ["学籍自查", "学籍", "学信", "xueji", "xuexin", "chsi", "zicha"];

export type PasswordContext = {
  phone?: string | null;
  idNumber?: string | null;
  name?: string | null;
  /** the school's name and short forms (lib/accounts/common-passwords.ts passwordSiteWords) */
  siteWords?: readonly string[];
};
export type PasswordProblem =
  | "required"
  | "blank"
  | "tooShort"
  | "tooLong"
  | "common"
  | "containsSiteWord"
  | "containsPhone"
  | "containsIdNumber"
  | "containsName"
  | "mismatch";

/** Unicode-normalised form: the same passphrase typed on two keyboards hashes the same. */
export function normalizePassword(password: string): string {
  return password.normalize("NFC");
}

function comparable(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/\s+/g, "");
}

/** Forms of an ID number someone might embed: the 18-digit number, and the old 15-digit one. */
function idForms(idNumber: string): string[] {
  const id = comparable(idNumber);
  const forms = [id];
  if (/^\d{17}[\dx]$/.test(id)) forms.push(id.slice(0, 6) + id.slice(8, 17));
  if (/^\d{15}$/.test(id)) forms.push(comparable(convert15To18(id)));
  return forms;
}

/** Digits, punctuation, symbols and spaces people tack on to meet a rule: "Password1!" → "password". */
const TRAILING_DECORATION = /[\p{N}\p{P}\p{S}\s]+$/u;
/** What people add to a common word; the list holds the word with these (password1, qwerty123…). */
const USUAL_SUFFIXES = ["", "1", "123", "123456"];

/**
 * On the common list as typed (any case), or once the trailing digits and symbols are stripped: the bare
 * word, or the word with a usual suffix, is on the list.
 */
export function isCommonAfterNormalising(
  password: string,
  isCommon: (candidate: string) => boolean,
): boolean {
  const lower = password.normalize("NFKC").toLowerCase().trim();
  if (isCommon(lower)) return true;
  const base = lower.replace(TRAILING_DECORATION, "");
  if (base === lower || base.length < 3) return false;
  return USUAL_SUFFIXES.some((suffix) => isCommon(base + suffix));
}

/** The context words (product, school) found in the password, compared without case, width or spaces. */
function containsSiteWord(flat: string, siteWords: readonly string[]): boolean {
  return [...PRODUCT_WORDS, ...siteWords]
    .map(comparable)
    .some((word) => codePointLength(word) >= 2 && flat.includes(word));
}

export function checkPassword(
  password: string,
  context: PasswordContext,
  isCommon: (candidate: string) => boolean,
): PasswordProblem | null {
  if (password === "") return "required";
  const value = normalizePassword(password);
  if (/^[\s\u200b-\u200d\ufeff]*$/u.test(value)) return "blank";
  const length = codePointLength(value);
  if (length < PASSWORD_MIN) return "tooShort";
  if (length > PASSWORD_MAX) return "tooLong";
  if (isCommonAfterNormalising(value, isCommon)) return "common";
  const flat = comparable(value);
  if (containsSiteWord(flat, context.siteWords ?? [])) return "containsSiteWord";
  if (context.phone && flat.includes(context.phone)) return "containsPhone";
  if (context.idNumber && idForms(context.idNumber).some((form) => flat.includes(form)))
    return "containsIdNumber";
  if (context.name) {
    const name = nameKey(context.name).toLowerCase().replace(/·/g, "");
    if (codePointLength(name) >= 2 && flat.replace(/·/g, "").includes(name)) return "containsName";
  }
  return null;
}

/** New password + confirmation, as field errors keyed like the forms (password, confirmPassword). */
export function passwordFieldErrors(
  password: string,
  confirmPassword: string,
  context: PasswordContext,
  isCommon: (candidate: string) => boolean,
): Record<string, Message> | null {
  const problem = checkPassword(password, context, isCommon);
  if (problem) return { password: passwordMessage(problem) };
  if (password !== confirmPassword) return { confirmPassword: passwordMessage("mismatch") };
  return null;
}

export function passwordMessage(problem: PasswordProblem): Message {
  return { key: `passwords.${problem}`, params: { min: PASSWORD_MIN, max: PASSWORD_MAX } };
}

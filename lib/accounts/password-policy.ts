import { codePointLength } from "@/lib/identity/normalize";
import { nameKey } from "@/lib/identity/name";
import { convert15To18 } from "@/lib/identity/id-number";
import type { Message } from "@/lib/core/result";

/**
 * 密码 rules (SPEC §2.1, NIST SP 800-63B §3.1.1.2): at least 8 Unicode code points, at least 128 accepted
 * (256 is the cap so a pasted novel cannot tie up argon2), no composition rules, refused when it is a
 * common password or contains the person's phone number, ID number or name.
 */
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 256;

export type PasswordContext = { phone?: string | null; idNumber?: string | null; name?: string | null };
export type PasswordProblem =
  | "required"
  | "tooShort"
  | "tooLong"
  | "common"
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

export function checkPassword(
  password: string,
  context: PasswordContext,
  isCommon: (candidate: string) => boolean,
): PasswordProblem | null {
  if (password === "") return "required";
  const value = normalizePassword(password);
  const length = codePointLength(value);
  if (length < PASSWORD_MIN) return "tooShort";
  if (length > PASSWORD_MAX) return "tooLong";
  if (isCommon(value.toLowerCase())) return "common";
  const flat = comparable(value);
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

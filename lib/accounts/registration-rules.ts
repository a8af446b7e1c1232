import type { FieldErrors } from "@/lib/core/result";
import { parsePhone } from "@/lib/identity/phone";
import { parseName } from "@/lib/identity/name";
import { parseEmail } from "@/lib/identity/email";
import { ID_TYPES, parseIdNumber, type IdType } from "@/lib/identity/id-number";
import { passwordFieldErrors } from "./password-policy";
import { normalizeCode } from "./codes-format";
import { checkSecurityQuestions, type QuestionInput, type SecurityQuestionKey } from "./security-questions";

/** What the registration form sends (strings as typed; checkboxes as booleans). */
export type RegistrationInput = {
  phone: string;
  code: string;
  password: string;
  confirmPassword: string;
  name: string;
  keepTraditionalName: boolean;
  idType: string;
  idNumber: string;
  email: string;
  questions: QuestionInput[];
  sensitiveConsent: boolean;
  reRegister: boolean;
};

export type RegistrationFields = {
  phone: string;
  code: string;
  password: string;
  name: string;
  idType: IdType;
  idNumber: string;
  email: string | null;
  questions: { position: number; questionKey: SecurityQuestionKey; answer: string }[];
};

function isIdType(value: string): value is IdType {
  return (ID_TYPES as readonly string[]).includes(value);
}

/**
 * Every field rule of the registration form (SPEC §2.1), pure: all problems at once, each at its field,
 * with the exact messages (i18n keys under register.*). Nothing here touches the database.
 */
export function checkRegistrationFields(
  input: RegistrationInput,
  isCommon: (candidate: string) => boolean,
  today: Date = new Date(),
  siteWords: readonly string[] = [],
): { ok: true; value: RegistrationFields } | { ok: false; fieldErrors: FieldErrors } {
  const errors: FieldErrors = {};

  const phone = parsePhone(input.phone);
  if (!phone.ok) errors.phone = { key: "register.phone.invalid" };

  const code = normalizeCode(input.code);
  if (!code) errors.code = { key: input.code.trim() ? "register.code.format" : "register.code.required" };

  const name = parseName(input.name, { keepTraditional: input.keepTraditionalName });
  if (!name.ok) {
    errors.name =
      name.reason === "traditional"
        ? { key: "register.name.traditional", params: { suggestion: name.suggestion ?? "" } }
        : { key: name.reason === "empty" ? "register.name.empty" : "register.name.format" };
  }

  const idType = isIdType(input.idType) ? input.idType : null;
  if (!idType) errors.idType = { key: "register.idType.invalid" };
  const idNumber = idType ? parseIdNumber(idType, input.idNumber, today) : null;
  if (idType && idNumber && !idNumber.ok)
    errors.idNumber = {
      key: idNumber.reason === "empty" ? "register.idNumber.empty" : "register.idNumber.invalid",
    };

  const passwordErrors = passwordFieldErrors(
    input.password,
    input.confirmPassword,
    {
      phone: phone.ok ? phone.value : null,
      idNumber: idNumber?.ok ? idNumber.value : null,
      name: name.ok ? name.value : null,
      siteWords,
    },
    isCommon,
  );
  if (passwordErrors) Object.assign(errors, passwordErrors);

  let email: string | null = null;
  if (input.email.trim()) {
    const parsed = parseEmail(input.email);
    if (parsed.ok) email = parsed.value;
    else errors.email = { key: "register.email.invalid" };
  }

  const questions = checkSecurityQuestions(input.questions);
  if (!questions.ok) for (const p of questions.problems) errors[`${p.field}${p.slot}`] = { key: p.key };

  if (!input.sensitiveConsent) errors.sensitiveConsent = { key: "register.consent.required" };

  if (
    Object.keys(errors).length > 0 ||
    !phone.ok ||
    !code ||
    !name.ok ||
    !idType ||
    !idNumber?.ok ||
    !questions.ok
  )
    return { ok: false, fieldErrors: errors };
  return {
    ok: true,
    value: {
      phone: phone.value,
      code,
      password: input.password,
      name: name.value,
      idType,
      idNumber: idNumber.value,
      email,
      questions: questions.value,
    },
  };
}

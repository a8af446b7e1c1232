import "server-only";
import type { RequestMeta } from "@/lib/core/request-meta";
import { fieldFail, ok, type Result } from "@/lib/core/result";
import { parsePhone } from "@/lib/identity/phone";
import { sendSmsCode, type CodePurpose, type CodeSent } from "./codes";
import { codeRefusal } from "./messages";

/**
 * 免费获取 on a public form (registration, releasing a phone number): the typed phone checked, then the
 * code sent; a refusal sits at the phone or under the code field.
 */
export async function requestCodeFor(
  purpose: CodePurpose,
  phoneText: string,
  meta: RequestMeta,
): Promise<Result<CodeSent & { phone: string }>> {
  const phone = parsePhone(phoneText);
  if (!phone.ok) return fieldFail({ phone: { key: "register.phone.invalid" } });
  const sent = await sendSmsCode({ purpose, phone: phone.value }, meta);
  return sent.ok ? ok({ ...sent.value, phone: phone.value }) : codeRefusal(sent);
}

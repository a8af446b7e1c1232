import "server-only";
import { db } from "@/lib/db";
import { type Result, ok, fieldFail, refuse } from "@/lib/core/result";
import type { RequestMeta } from "@/lib/core/request-meta";
import { blindIndexes, hashSecret } from "@/lib/security/crypto";
import { verifyCaptcha } from "@/lib/security/captcha";
import { nameKey } from "@/lib/identity/name";
import { maskPhone } from "@/lib/identity/phone";
import { maskEmail } from "@/lib/identity/email";
import { normalizeIdNumber, parseResidentIdNumber } from "@/lib/identity/id-number";
import { countRecoveryAttempt, recoveryRefused, RECOVERY_REFUSED } from "./recovery-limits";

export type RecoverUsernameInput = {
  idNumber: string;
  name: string;
  captchaId?: string;
  captchaAnswer?: string;
};
export type FoundUsername = {
  phone: string;
  email: string | null;
  identityStatus: string;
  createdAt: string;
};

/** The normalised ID number as typed in any accepted form (15 → 18 digits, lower-case x, spaces). */
export function idLookupValue(raw: string): string {
  const resident = parseResidentIdNumber(raw);
  return resident.ok ? resident.value : normalizeIdNumber(raw);
}

/**
 * 找回用户名 (SPEC §2.3): 证件号码 + 姓名 + 图片验证码 → the usernames bound to that identity, masked
 * (138****5678, z***@example.cn). A wrong combination counts; nothing matching explains re-registering.
 */
export async function recoverUsername(
  input: RecoverUsernameInput,
  meta: RequestMeta,
): Promise<Result<FoundUsername[]>> {
  const errors: Record<string, { key: string }> = {};
  if (!input.idNumber.trim()) errors.idNumber = { key: "register.idNumber.empty" };
  if (!input.name.trim()) errors.name = { key: "register.name.empty" };
  if (Object.keys(errors).length) return fieldFail(errors);

  const idValue = idLookupValue(input.idNumber);
  const identityKey = `id:${hashSecret(idValue)}`;
  if (await recoveryRefused(identityKey, meta)) return RECOVERY_REFUSED();
  if (!(await verifyCaptcha(input.captchaId, input.captchaAnswer)))
    return fieldFail({ captcha: { key: "signIn.captchaWrong" } });

  const attempt = await countRecoveryAttempt(identityKey, meta);
  if (attempt.refused) return RECOVERY_REFUSED();

  const accounts = await db.account.findMany({
    where: { idNumberIndex: { in: blindIndexes(idValue) }, identityStatus: { not: "cancelled" } },
    orderBy: { createdAt: "asc" },
  });
  const key = nameKey(input.name);
  const matching = accounts.filter((a) => nameKey(a.name) === key);
  if (matching.length === 0) return refuse("notFound", "recover.username.noMatch");
  await attempt.takeBack();
  return ok(
    matching.map((a) => ({
      phone: maskPhone(a.phone),
      email: a.email && a.emailVerifiedAt ? maskEmail(a.email) : null,
      identityStatus: a.identityStatus,
      createdAt: a.createdAt.toISOString(),
    })),
  );
}

import "server-only";
import { type Result, ok, fail, fieldFail } from "@/lib/core/result";
import { verifyPassword } from "@/lib/security/passwords";
import { block, count, LIMITS, peek, refund } from "@/lib/security/rate-limit";
import { normalizePassword } from "./password-policy";

const LOCK_SECONDS = 15 * 60;

/**
 * Re-entering the current password to change the phone, e-mail, questions or password. Wrong entries count
 * against the same per-account failure budget as sign-in, so these forms are no side door for guessing.
 */
export async function confirmCurrentPassword(
  account: { id: string; passwordHash: string },
  password: string,
  field = "currentPassword",
): Promise<Result<null>> {
  const key = account.id;
  const locked = await peek("loginFailuresPerAccount", key);
  if (!locked.ok) return fail("signIn.locked", { until: locked.retryAt.toISOString() });
  // Counted before the password is verified (lib/accounts/sign-in.ts says why); the right one is taken back.
  const counted = await count("loginFailuresPerAccount", key);
  if (!counted.result.ok) return fail("signIn.locked", { until: counted.result.retryAt.toISOString() });
  if (password && (await verifyPassword(account.passwordHash, normalizePassword(password)))) {
    await refund("loginFailuresPerAccount", key);
    return ok(null);
  }
  if (counted.used >= LIMITS.loginFailuresPerAccount.points) {
    const until = await block("loginFailuresPerAccount", key, LOCK_SECONDS);
    return fail("signIn.locked", { until: until.toISOString() });
  }
  return fieldFail({ [field]: { key: "account.currentPasswordWrong" } });
}

import "server-only";
import { type Result, ok, fail, fieldFail } from "@/lib/core/result";
import { verifyPassword } from "@/lib/security/passwords";
import { block, consume, peek } from "@/lib/security/rate-limit";
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
  if (password && (await verifyPassword(account.passwordHash, normalizePassword(password)))) return ok(null);
  const counted = await consume("loginFailuresPerAccount", key);
  if (!counted.ok || counted.remaining === 0) {
    const until = await block("loginFailuresPerAccount", key, LOCK_SECONDS);
    return fail("signIn.locked", { until: until.toISOString() });
  }
  return fieldFail({ [field]: { key: "account.currentPasswordWrong" } });
}

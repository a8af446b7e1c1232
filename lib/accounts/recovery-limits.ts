import "server-only";
import { refuse } from "@/lib/core/result";
import type { RequestMeta } from "@/lib/core/request-meta";
import { count, refund } from "@/lib/security/rate-limit";
import { firstRefused } from "./codes";

/**
 * 找回用户名 / 找回密码 are oracles (they say whether an identity or username exists), so wrong
 * combinations are counted per target identity and per address: after 5 for one identity in an hour that
 * identity is refused with "请求被取消,不能频繁使用该功能" (SPEC §2.3), from every address; an address is
 * refused only after 60 (LIMITS.recoveryFailuresPerIpHour), so classmates behind one campus NAT do not
 * share one small bucket.
 */
export const RECOVERY_REFUSED = () => refuse("rateLimited", "recover.tooFrequent");

function checks(identityKey: string, meta: RequestMeta) {
  return [
    ["recoveryFailuresPerIpHour", `ip:${meta.ip ?? "unknown"}`],
    ["recoveryFailuresPerIdentityHour", identityKey],
  ] as const;
}

export async function recoveryRefused(identityKey: string, meta: RequestMeta): Promise<boolean> {
  return (await firstRefused(checks(identityKey, meta).map(([n, k]) => [n, k]))) !== null;
}

/**
 * Counts this try before the lookup (one atomic increment per counter, as sign-in does), so concurrent
 * tries cannot all pass a check that read "4 so far". Over a limit: refused and taken back. The caller
 * takes back a try that found what it looked for (only wrong combinations count).
 */
export async function countRecoveryAttempt(
  identityKey: string,
  meta: RequestMeta,
): Promise<{ refused: boolean; takeBack: () => Promise<void> }> {
  const keys = checks(identityKey, meta);
  const counted = await Promise.all(keys.map(([name, key]) => count(name, key)));
  const takeBack = async () => {
    await Promise.all(keys.map(([name, key]) => refund(name, key)));
  };
  const refused = counted.some((c) => !c.result.ok);
  if (refused) await takeBack();
  return { refused, takeBack };
}

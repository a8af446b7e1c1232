import "server-only";
import { fail } from "@/lib/core/result";
import type { RequestMeta } from "@/lib/core/request-meta";
import { consume } from "@/lib/security/rate-limit";
import { firstRefused } from "./codes";

/**
 * 找回用户名 / 找回密码 are oracles (they say whether an identity or username exists), so wrong
 * combinations are counted per target identity and per address: after 5 for one identity in an hour that
 * identity is refused with "请求被取消,不能频繁使用该功能" (SPEC §2.3), from every address; an address is
 * refused only after 60 (LIMITS.recoveryFailuresPerIpHour), so classmates behind one campus NAT do not
 * share one small bucket.
 */
export const RECOVERY_REFUSED = () => fail("recover.tooFrequent");

function checks(identityKey: string, meta: RequestMeta) {
  return [
    ["recoveryFailuresPerIpHour", `ip:${meta.ip ?? "unknown"}`],
    ["recoveryFailuresPerIdentityHour", identityKey],
  ] as const;
}

export async function recoveryRefused(identityKey: string, meta: RequestMeta): Promise<boolean> {
  return (await firstRefused(checks(identityKey, meta).map(([n, k]) => [n, k]))) !== null;
}

export async function countRecoveryFailure(identityKey: string, meta: RequestMeta): Promise<void> {
  for (const [name, key] of checks(identityKey, meta)) await consume(name, key);
}

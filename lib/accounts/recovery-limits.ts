import "server-only";
import { fail } from "@/lib/core/result";
import type { RequestMeta } from "@/lib/core/request-meta";
import { consume } from "@/lib/security/rate-limit";
import { firstRefused } from "./codes";

/**
 * 找回用户名 / 找回密码 are oracles (they say whether an identity or username exists), so wrong
 * combinations are counted per IP and per identity: after 5 in an hour the function refuses with
 * "请求被取消,不能频繁使用该功能" (SPEC §2.3).
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

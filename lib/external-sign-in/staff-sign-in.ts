import "server-only";
import { db } from "@/lib/db";
import type { RequestMeta } from "@/lib/core/request-meta";
import { startSession } from "@/lib/auth/sessions";
import { audit } from "@/lib/security/audit";
import { staffLock } from "@/lib/staff/sign-in";
import { verifiedClaimValue } from "./claims";
import { maskSubject } from "./mask";
import { loginEventData, refused, type StepResult } from "./outcome";

type Provider = { id: string; slug: string; staffClaim: string };

/**
 * The staff account a provider's identity stands for: a link by subject, or — when the admin mapped a
 * claim — a link by that claim's verified value, which is then pinned to this subject so that a later
 * change of e-mail at the provider cannot move it to someone else. Never creates an account.
 */
async function linkedStaff(provider: Provider, subject: string, claims: Record<string, unknown>) {
  const bySubject = await db.staffExternalLink.findUnique({
    where: { providerId_subject: { providerId: provider.id, subject } },
  });
  if (bySubject) return bySubject;
  const value = verifiedClaimValue(claims, provider.staffClaim);
  if (!value) return null;
  const byClaim = await db.staffExternalLink.findUnique({
    where: { providerId_claimValue: { providerId: provider.id, claimValue: value } },
  });
  if (!byClaim || byClaim.subject) return null;
  const pinned = await db.$transaction(async (tx) => {
    const done = await tx.staffExternalLink.updateMany({
      where: { id: byClaim.id, subject: null },
      data: { subject },
    });
    if (done.count === 1)
      await audit(tx, null, {
        action: "sso.staffLink.pinned",
        targetType: "staffUser",
        targetId: byClaim.staffUserId,
        after: { provider: provider.slug, claim: provider.staffClaim, subject: maskSubject(subject) },
      });
    return done.count === 1;
  });
  return pinned ? { ...byClaim, subject } : null;
}

/**
 * Staff sign-in through the campus identity system (统一身份认证). An unknown subject is refused and
 * audited; a disabled or locked account is refused as with a password; roles and college scopes come
 * from the portal's own staff account, never from the provider.
 */
export async function signInStaffExternal(
  provider: Provider,
  claims: Record<string, unknown> & { sub: string },
  meta: RequestMeta,
): Promise<StepResult<{ sessionId: string }>> {
  const link = await linkedStaff(provider, claims.sub, claims);
  if (!link) {
    await db.$transaction(async (tx) => {
      await tx.loginEvent.create({ data: loginEventData({}, "unknown_user", provider.id, meta) });
      await audit(tx, null, {
        action: "sso.refused",
        targetType: "signInProvider",
        targetId: provider.id,
        after: { provider: provider.slug, reason: "unknown_staff", subject: maskSubject(claims.sub) },
        ip: meta.ip,
      });
    });
    return refused("unknown_staff");
  }
  const staff = await db.staffUser.findUnique({ where: { id: link.staffUserId } });
  if (!staff || staff.disabledAt) {
    await db.loginEvent.create({
      data: loginEventData({ staffUserId: link.staffUserId }, "disabled", provider.id, meta),
    });
    return refused("staff_disabled");
  }
  const locked = await staffLock(staff.username, meta.ip);
  if (!locked.ok) {
    await db.loginEvent.create({
      data: loginEventData({ staffUserId: staff.id }, "locked", provider.id, meta),
    });
    return refused("locked", locked.retryAt);
  }
  await db.loginEvent.create({
    data: loginEventData({ staffUserId: staff.id }, "success", provider.id, meta),
  });
  await db.staffExternalLink.update({ where: { id: link.id }, data: { lastSignInAt: new Date() } });
  const session = await startSession({ staffUserId: staff.id }, meta, "oidc");
  return { ok: true, value: { sessionId: session.id } };
}

import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { fail, fieldFail, ok, type Result } from "@/lib/core/result";
import { audit } from "@/lib/security/audit";
import { normalizeClaimValue } from "./claims";
import { maskSubject } from "./mask";
import { servesStaff, staffLinkInputSchema } from "./schemas";

type Meta = { ip?: string | null };

/** A staff account's links and the staff providers it could be linked to (admin, /admin/staff/[id]). */
export async function staffLinksForAdmin(actor: Actor, staffUserId: string) {
  assertCan(actor, "staff.manage");
  const [links, providers] = await Promise.all([
    db.staffExternalLink.findMany({
      where: { staffUserId },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        subject: true,
        claimValue: true,
        createdAt: true,
        lastSignInAt: true,
        provider: { select: { id: true, nameZh: true, nameEn: true, staffClaim: true } },
      },
    }),
    db.signInProvider.findMany({
      orderBy: { createdAt: "asc" },
      select: { id: true, nameZh: true, nameEn: true, audience: true, staffClaim: true },
    }),
  ]);
  return { links, providers: providers.filter((p) => servesStaff(p.audience)) };
}

/**
 * Links a staff account to a staff provider, by the subject or by the value of the provider's mapped claim
 * (audited). One link per account and provider; a subject or value already linked elsewhere is refused.
 */
export async function linkStaff(
  actor: Actor,
  staffUserId: string,
  input: Record<string, unknown>,
  meta: Meta = {},
): Promise<Result<{ id: string }>> {
  assertCan(actor, "staff.manage");
  const parsed = staffLinkInputSchema.safeParse(input);
  if (!parsed.success) return fieldFail({ subject: { key: "sso.links.errors.oneOf" } });
  const { providerId, subject, claimValue } = parsed.data;
  const [staff, provider] = await Promise.all([
    db.staffUser.findUnique({ where: { id: staffUserId }, select: { id: true } }),
    db.signInProvider.findUnique({ where: { id: providerId } }),
  ]);
  if (!staff) return fail("admin.errors.notFound");
  if (!provider || !servesStaff(provider.audience))
    return fieldFail({ providerId: { key: "sso.links.errors.provider" } });
  if (claimValue && !provider.staffClaim)
    return fieldFail({ claimValue: { key: "sso.links.errors.noClaim" } });
  const data = {
    staffUserId,
    providerId,
    subject: subject || null,
    claimValue: claimValue ? normalizeClaimValue(provider.staffClaim, claimValue) : null,
    createdById: actor.kind === "staff" ? actor.staffUserId : null,
  };
  try {
    const link = await db.$transaction(async (tx) => {
      const row = await tx.staffExternalLink.create({ data });
      await audit(tx, actor, {
        action: "sso.staffLink.create",
        targetType: "staffUser",
        targetId: staffUserId,
        after: {
          provider: provider.slug,
          subject: data.subject ? maskSubject(data.subject) : null,
          claim: data.claimValue ? provider.staffClaim : null,
          claimValue: data.claimValue,
        },
        ip: meta.ip,
      });
      return row;
    });
    return ok({ id: link.id });
  } catch (e) {
    if ((e as { code?: unknown })?.code === "P2002")
      return fieldFail({ subject: { key: "sso.links.errors.taken" } });
    throw e;
  }
}

/** Removes a link (audited). Sessions already open stay; the next sign-in through the provider fails. */
export async function unlinkStaff(
  actor: Actor,
  staffUserId: string,
  linkId: string,
  meta: Meta = {},
): Promise<Result<null>> {
  assertCan(actor, "staff.manage");
  const link = await db.staffExternalLink.findFirst({
    where: { id: linkId, staffUserId },
    include: { provider: { select: { slug: true, staffClaim: true } } },
  });
  if (!link) return fail("sso.links.errors.notFound");
  await db.$transaction(async (tx) => {
    await tx.staffExternalLink.delete({ where: { id: link.id } });
    await audit(tx, actor, {
      action: "sso.staffLink.delete",
      targetType: "staffUser",
      targetId: staffUserId,
      before: {
        provider: link.provider.slug,
        subject: link.subject ? maskSubject(link.subject) : null,
        claimValue: link.claimValue,
      },
      ip: meta.ip,
    });
  });
  return ok(null);
}

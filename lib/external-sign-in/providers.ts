import "server-only";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { fail, fieldFail, ok, type Result } from "@/lib/core/result";
import { fieldErrorsFrom } from "@/lib/core/zod-issues";
import { oidcClientSecret, oidcClientSecretVariable } from "@/lib/env";
import { audit } from "@/lib/security/audit";
import { forgetClientConfigurations } from "./client";
import { PROVIDER_FIELD_KEYS, providerInputSchema, servesStaff, servesStudents } from "./schemas";

/** Public fields of a provider (what the audit log and the admin page show). */
const PUBLIC = {
  id: true,
  slug: true,
  nameZh: true,
  nameEn: true,
  issuer: true,
  clientId: true,
  audience: true,
  staffClaim: true,
  staffPasswordDisabled: true,
  enabled: true,
} as const;

export type ProviderButton = { slug: string; nameZh: string; nameEn: string };

/**
 * The providers offered on a sign-in page: enabled, meant for that audience, and with their client secret
 * in the environment (a button that can only fail is not shown).
 */
export async function signInProviders(audience: "staff" | "students"): Promise<ProviderButton[]> {
  const rows = await db.signInProvider.findMany({
    where: { enabled: true },
    orderBy: { createdAt: "asc" },
    select: { slug: true, nameZh: true, nameEn: true, audience: true },
  });
  return rows
    .filter((p) => (audience === "staff" ? servesStaff(p.audience) : servesStudents(p.audience)))
    .filter((p) => !!oidcClientSecret(p.slug))
    .map(({ slug, nameZh, nameEn }) => ({ slug, nameZh, nameEn }));
}

export async function providerBySlug(slug: string) {
  if (!/^[a-z0-9-]{1,40}$/.test(slug)) return null;
  return db.signInProvider.findUnique({ where: { slug } });
}

/** Every provider as the admin page lists it, with what the environment holds for it. */
export async function listProvidersForAdmin(actor: Actor) {
  assertCan(actor, "settings.manage");
  const rows = await db.signInProvider.findMany({
    orderBy: { createdAt: "asc" },
    select: { ...PUBLIC, _count: { select: { studentBindings: true, staffLinks: true } } },
  });
  return rows.map((p) => ({
    ...p,
    secretVariable: oidcClientSecretVariable(p.slug),
    secretSet: !!oidcClientSecret(p.slug),
  }));
}

export async function getProviderForAdmin(actor: Actor, id: string) {
  assertCan(actor, "settings.manage");
  const p = await db.signInProvider.findUnique({ where: { id }, select: PUBLIC });
  if (!p) return null;
  return { ...p, secretVariable: oidcClientSecretVariable(p.slug), secretSet: !!oidcClientSecret(p.slug) };
}

/** Adds a provider (audited). The slug must be new: it names the redirect URI and the secret variable. */
export async function createProvider(
  actor: Actor,
  input: Record<string, unknown>,
  meta: { ip?: string | null } = {},
): Promise<Result<{ id: string }>> {
  assertCan(actor, "settings.manage");
  const parsed = providerInputSchema.safeParse(input);
  if (!parsed.success) return fieldFail(fieldErrorsFrom(parsed.error, PROVIDER_FIELD_KEYS));
  try {
    const created = await db.$transaction(async (tx) => {
      const row = await tx.signInProvider.create({ data: parsed.data, select: PUBLIC });
      await audit(tx, actor, {
        action: "sso.provider.create",
        targetType: "signInProvider",
        targetId: row.id,
        after: row,
        ip: meta.ip,
      });
      return row;
    });
    return ok({ id: created.id });
  } catch (e) {
    if (isUniqueViolation(e)) return fieldFail({ slug: { key: "sso.admin.errors.slugTaken" } });
    throw e;
  }
}

/** Changes a provider (audited with before and after). The slug stays what it was. */
export async function updateProvider(
  actor: Actor,
  id: string,
  input: Record<string, unknown>,
  meta: { ip?: string | null } = {},
): Promise<Result<{ id: string }>> {
  assertCan(actor, "settings.manage");
  const before = await db.signInProvider.findUnique({ where: { id }, select: PUBLIC });
  if (!before) return fail("sso.admin.errors.notFound");
  const parsed = providerInputSchema.safeParse({ ...input, slug: before.slug });
  if (!parsed.success) return fieldFail(fieldErrorsFrom(parsed.error, PROVIDER_FIELD_KEYS));
  const { slug: _slug, ...data } = parsed.data;
  await db.$transaction(async (tx) => {
    const after = await tx.signInProvider.update({ where: { id }, data, select: PUBLIC });
    await audit(tx, actor, {
      action: "sso.provider.update",
      targetType: "signInProvider",
      targetId: id,
      before,
      after,
      ip: meta.ip,
    });
  });
  forgetClientConfigurations();
  return ok({ id });
}

/** Removes a provider with its bindings and staff links (audited with how many went). */
export async function deleteProvider(
  actor: Actor,
  id: string,
  meta: { ip?: string | null } = {},
): Promise<Result<null>> {
  assertCan(actor, "settings.manage");
  const removed = await db.$transaction(async (tx) => {
    const before = await tx.signInProvider.findUnique({
      where: { id },
      select: { ...PUBLIC, _count: { select: { studentBindings: true, staffLinks: true } } },
    });
    if (!before) return false;
    await tx.signInProvider.delete({ where: { id } });
    const { _count, ...provider } = before;
    await audit(tx, actor, {
      action: "sso.provider.delete",
      targetType: "signInProvider",
      targetId: id,
      before: { ...provider, studentBindings: _count.studentBindings, staffLinks: _count.staffLinks },
      ip: meta.ip,
    });
    return true;
  });
  forgetClientConfigurations();
  return removed ? ok(null) : fail("sso.admin.errors.notFound");
}

import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { parseRoles, type Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { fail, fieldFail, ok, type Result } from "@/lib/core/result";
import { audit } from "@/lib/security/audit";
import { hashSecret, randomToken } from "@/lib/security/crypto";
import { fieldErrorsFrom } from "@/lib/core/zod-issues";
import { API_TOKEN_ACCESS, API_TOKEN_LIFETIMES_DAYS } from "./token-options";

export { API_TOKEN_ACCESS, API_TOKEN_LIFETIMES_DAYS };

/** Every API token starts with this, so a leaked one is easy to recognise (and to scan for in code). */
export const API_TOKEN_PREFIX = "xjt_";
export const API_TOKEN_ROLES = ["registrar", "college"] as const;
const DAY_MS = 86_400_000;

export const createApiTokenSchema = z
  .object({
    name: z.string().trim().min(1).max(60),
    role: z.enum(API_TOKEN_ROLES),
    collegeIds: z.array(z.string().min(1).max(40)).max(200).default([]),
    expiresInDays: z.enum(API_TOKEN_LIFETIMES_DAYS).default("90"),
    access: z.enum(API_TOKEN_ACCESS).default("readWrite"),
  })
  .superRefine((v, ctx) => {
    // A college token without colleges would see nothing; registrar tokens may be limited or see all.
    if (v.role === "college" && v.collegeIds.length === 0)
      ctx.addIssue({ code: "custom", path: ["collegeIds"], message: "college scope required" });
  });
export type CreateApiTokenInput = {
  name?: unknown;
  role?: unknown;
  collegeIds?: unknown;
  expiresInDays?: unknown;
  access?: unknown;
};

const FIELD_KEYS = {
  name: "admin.tokens.errors.name",
  role: "admin.tokens.errors.role",
  collegeIds: "admin.tokens.errors.collegeIds",
  expiresInDays: "admin.tokens.errors.expiresInDays",
  access: "admin.tokens.errors.access",
};

/** The part of a token shown in lists: enough to recognise it, useless to an attacker. */
export const displayPrefix = (token: string) => token.slice(0, API_TOKEN_PREFIX.length + 6);

/**
 * Creates a token and returns it in clear exactly once; only its keyed hash is stored, so nobody (admin
 * included) can read it again.
 */
export async function createApiToken(
  actor: Actor,
  input: CreateApiTokenInput,
  meta: { ip?: string | null; now?: Date } = {},
): Promise<Result<{ id: string; token: string; prefix: string; expiresAt: Date }>> {
  assertCan(actor, "apiToken.manage");
  if (actor.kind !== "staff") return fail("admin.errors.notFound");
  const parsed = createApiTokenSchema.safeParse(input);
  if (!parsed.success) return fieldFail(fieldErrorsFrom(parsed.error, FIELD_KEYS));
  const collegeIds = [...new Set(parsed.data.collegeIds)];
  const colleges = collegeIds.length
    ? await db.college.findMany({ where: { id: { in: collegeIds } }, select: { id: true, code: true } })
    : [];
  if (colleges.length !== collegeIds.length) return fieldFail({ collegeIds: { key: FIELD_KEYS.collegeIds } });

  const expiresAt = new Date((meta.now ?? new Date()).getTime() + Number(parsed.data.expiresInDays) * DAY_MS);
  const readOnly = parsed.data.access === "readOnly";
  const token = `${API_TOKEN_PREFIX}${randomToken(32)}`;
  const prefix = displayPrefix(token);
  const created = await db.$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: {
        name: parsed.data.name,
        prefix,
        tokenHash: hashSecret(token),
        roles: parsed.data.role,
        collegeIds: collegeIds.join(","),
        createdById: actor.staffUserId,
        expiresAt,
        readOnly,
      },
    });
    await audit(tx, actor, {
      action: "apiToken.create",
      targetType: "apiToken",
      targetId: row.id,
      after: {
        name: row.name,
        prefix,
        roles: [parsed.data.role],
        colleges: colleges.map((c) => c.code).sort(),
        expiresAt: expiresAt.toISOString(),
        readOnly,
      },
      ip: meta.ip,
    });
    return row;
  });
  return ok({ id: created.id, token, prefix, expiresAt });
}

export async function listApiTokens(actor: Actor, now: Date = new Date()) {
  assertCan(actor, "apiToken.manage");
  const [rows, colleges] = await Promise.all([
    db.apiToken.findMany({
      orderBy: [{ revokedAt: "asc" }, { createdAt: "desc" }],
      include: { createdBy: { select: { username: true } } },
    }),
    db.college.findMany({ select: { id: true, code: true, name: true } }),
  ]);
  const byId = new Map(colleges.map((c) => [c.id, c]));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    roles: parseRoles(r.roles),
    colleges: r.collegeIds
      .split(",")
      .filter(Boolean)
      .map((id) => byId.get(id) ?? { id, code: "?", name: "?" }),
    createdBy: r.createdBy.username,
    createdAt: r.createdAt,
    lastUsedAt: r.lastUsedAt,
    revokedAt: r.revokedAt,
    expiresAt: r.expiresAt,
    expired: r.expiresAt !== null && r.expiresAt.getTime() <= now.getTime(),
    readOnly: r.readOnly,
  }));
}

/** Revokes a token: the next request with it is refused (401). */
export async function revokeApiToken(
  actor: Actor,
  tokenId: string,
  meta: { ip?: string | null } = {},
): Promise<Result<{ revoked: true }>> {
  assertCan(actor, "apiToken.manage");
  return db.$transaction(async (tx) => {
    const row = await tx.apiToken.findUnique({ where: { id: tokenId } });
    if (!row) return fail("admin.errors.notFound");
    if (row.revokedAt) return ok({ revoked: true as const });
    await tx.apiToken.update({ where: { id: tokenId }, data: { revokedAt: new Date() } });
    await audit(tx, actor, {
      action: "apiToken.revoke",
      targetType: "apiToken",
      targetId: tokenId,
      before: { name: row.name, prefix: row.prefix, revoked: false },
      after: { name: row.name, prefix: row.prefix, revoked: true },
      ip: meta.ip,
    });
    return ok({ revoked: true as const });
  });
}

import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AuthorizationError } from "@/lib/core/result";
import { createApiToken, listApiTokens, revokeApiToken } from "@/lib/admin/api-tokens";
import { actorForToken } from "@/lib/api/tokens";
import { hashSecret } from "@/lib/security/crypto";
import type { StaffActor } from "@/lib/auth/actor";
import { lastAudit, makeCollege, makeStaff } from "./fixtures";

let admin: StaffActor;
let college: { id: string; code: string; name: string };

beforeAll(async () => {
  admin = (await makeStaff("admin")).actor;
  college = await makeCollege("令牌");
});

describe("API tokens", () => {
  it("are shown once: only the keyed hash and a short prefix are stored, nowhere the token", async () => {
    const result = await createApiToken(admin, { name: "教务系统同步", role: "registrar", collegeIds: [] });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { token, id, prefix } = result.value;
    expect(token).toMatch(/^xjt_[A-Za-z0-9_-]{43}$/);
    expect(prefix).toBe(token.slice(0, 10));

    const row = await db.apiToken.findUniqueOrThrow({ where: { id } });
    expect(row.tokenHash).toBe(hashSecret(token));
    expect(JSON.stringify(row)).not.toContain(token.slice(4));
    const entry = await lastAudit("apiToken.create", id);
    expect(entry?.after).not.toContain(token.slice(4));
    expect(JSON.parse(entry?.after ?? "{}")).toMatchObject({
      name: "教务系统同步",
      prefix,
      roles: ["registrar"],
      colleges: [],
    });

    const listed = (await listApiTokens(admin)).find((t) => t.id === id);
    expect(listed).toMatchObject({
      prefix,
      roles: ["registrar"],
      colleges: [],
      lastUsedAt: null,
      revokedAt: null,
    });
    expect(JSON.stringify(listed)).not.toContain(token.slice(4));
  });

  it("authenticate until revoked; last use is recorded", async () => {
    const result = await createApiToken(admin, {
      name: "学院看板",
      role: "college",
      collegeIds: [college.id],
    });
    if (!result.ok) throw new Error("not created");
    const actor = await actorForToken(result.value.token);
    expect(actor).toEqual({
      kind: "api",
      tokenId: result.value.id,
      tokenName: "学院看板",
      roles: ["college"],
      collegeIds: [college.id],
      readOnly: false,
    });
    expect(
      (await db.apiToken.findUniqueOrThrow({ where: { id: result.value.id } })).lastUsedAt,
    ).not.toBeNull();
    expect(await actorForToken(result.value.token + "x")).toBeNull();

    expect((await revokeApiToken(admin, result.value.id)).ok).toBe(true);
    expect(await actorForToken(result.value.token)).toBeNull();
    expect(JSON.parse((await lastAudit("apiToken.revoke", result.value.id))?.after ?? "{}")).toMatchObject({
      revoked: true,
    });
    const listed = (await listApiTokens(admin)).find((t) => t.id === result.value.id);
    expect(listed?.revokedAt).not.toBeNull();
    expect(listed?.colleges.map((c) => c.code)).toEqual([college.code]);
  });

  it.each([
    [{ name: "", role: "registrar" }, "name"],
    [{ name: "x", role: "admin" }, "role"],
    [{ name: "x", role: "college", collegeIds: [] }, "collegeIds"],
    [{ name: "x", role: "college", collegeIds: ["nope"] }, "collegeIds"],
  ])("refuses %j", async (input, field) => {
    const before = await db.apiToken.count();
    const result = await createApiToken(admin, input);
    expect(!result.ok && Object.keys(result.fieldErrors ?? {})).toEqual([field]);
    expect(await db.apiToken.count()).toBe(before);
  });

  it("are managed by admins only", async () => {
    const { actor: registrar } = await makeStaff("registrar");
    await expect(createApiToken(registrar, { name: "x", role: "registrar" })).rejects.toBeInstanceOf(
      AuthorizationError,
    );
    await expect(revokeApiToken(registrar, "any")).rejects.toBeInstanceOf(AuthorizationError);
  });
});

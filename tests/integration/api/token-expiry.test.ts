import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { StaffActor } from "@/lib/auth/actor";
import { createApiToken, listApiTokens } from "@/lib/admin/api-tokens";
import { checkToken } from "@/lib/api/tokens";
import { PUT as putRecords } from "@/app/api/v1/records/route";
import { GET as getStatus } from "@/app/api/v1/self-check-status/route";
import { GET as listCorrections } from "@/app/api/v1/corrections/route";
import { POST as decide } from "@/app/api/v1/corrections/[id]/decision/route";
import { GET as openapi } from "@/app/api/v1/openapi.json/route";
import { makeStaff } from "../admin/fixtures";
import { lastAudit } from "../admin/fixtures";
import { call } from "./client";

const DAY = 86_400_000;
let admin: StaffActor;

beforeAll(async () => {
  admin = (await makeStaff("admin")).actor;
});

async function token(input: Record<string, unknown>, now?: Date) {
  const made = await createApiToken(admin, { name: "有效期测试", role: "registrar", ...input }, { now });
  if (!made.ok) throw new Error(JSON.stringify(made));
  return made.value;
}

describe("API token expiry", () => {
  it("is chosen at creation, listed and audited", async () => {
    const now = new Date();
    const made = await token({ expiresInDays: "30", access: "readOnly" }, now);
    expect(made.expiresAt.getTime()).toBe(now.getTime() + 30 * DAY);
    const listed = (await listApiTokens(admin)).find((t) => t.id === made.id);
    expect(listed).toMatchObject({ expiresAt: made.expiresAt, expired: false, readOnly: true });
    expect(JSON.parse((await lastAudit("apiToken.create", made.id))?.after ?? "{}")).toMatchObject({
      expiresAt: made.expiresAt.toISOString(),
      readOnly: true,
    });
    // the default is 90 days
    const plain = await token({}, now);
    expect(plain.expiresAt.getTime()).toBe(now.getTime() + 90 * DAY);
  });

  it.each([["7"], ["0"], ["-1"], ["36500"], ["90; DROP TABLE"], [90]])(
    "refuses the lifetime %j at the field, nothing created",
    async (expiresInDays) => {
      const before = await db.apiToken.count();
      const result = await createApiToken(admin, { name: "坏有效期", role: "registrar", expiresInDays });
      expect(result).toMatchObject({
        ok: false,
        fieldErrors: { expiresInDays: { key: "admin.tokens.errors.expiresInDays" } },
      });
      expect(await db.apiToken.count()).toBe(before);
    },
  );

  it("refuses an unknown access level at the field", async () => {
    const result = await createApiToken(admin, { name: "x", role: "registrar", access: "admin" });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { access: { key: "admin.tokens.errors.access" } },
    });
  });

  it("an expired token gets 401 with a clear JSON error in both languages; one second before, it works", async () => {
    const made = await token({ expiresInDays: "30" });
    const path = "/api/v1/self-check-status?cohort=2023";
    expect((await call(getStatus, path, { token: made.token })).status).toBe(200);
    expect((await checkToken(made.token, new Date(made.expiresAt.getTime() - 1000))).status).toBe("ok");
    expect((await checkToken(made.token, made.expiresAt)).status).toBe("expired");
    // time passes: the expiry is now in the past
    await db.apiToken.update({ where: { id: made.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const en = await call(getStatus, path, { token: made.token });
    expect(en.status).toBe(401);
    expect(en.headers.get("www-authenticate")).toContain("Bearer");
    expect(en.body).toMatchObject({
      code: "api.errors.expiredToken",
      error: expect.stringContaining("expired"),
    });
    const zh = await call(getStatus, path, {
      token: made.token,
      headers: { "accept-language": "zh-CN,zh;q=0.9" },
    });
    expect(zh.body.error).toContain("已过期");
    expect((await listApiTokens(admin)).find((t) => t.id === made.id)?.expired).toBe(true);
  });
});

describe("read-only API tokens", () => {
  it("may read", async () => {
    const ro = await token({ access: "readOnly" });
    expect((await call(getStatus, "/api/v1/self-check-status?cohort=2023", { token: ro.token })).status).toBe(
      200,
    );
    expect((await call(listCorrections, "/api/v1/corrections", { token: ro.token })).status).toBe(200);
  });

  it("get 403 on every write endpoint, and nothing is written", async () => {
    const ro = await token({ access: "readOnly" });
    const jobs = await db.importJob.count();
    const put = await call(putRecords, "/api/v1/records", {
      method: "PUT",
      token: ro.token,
      body: { records: [] },
    });
    expect(put.status).toBe(403);
    expect(put.body).toMatchObject({
      code: "api.errors.readOnlyToken",
      error: expect.stringContaining("read-only"),
    });
    const post = await call(decide, "/api/v1/corrections/x/decision", {
      method: "POST",
      token: ro.token,
      params: { id: "x" },
      body: { decision: "accept" },
      headers: { "accept-language": "zh-CN" },
    });
    expect(post.status).toBe(403);
    expect(post.body).toMatchObject({
      code: "api.errors.readOnlyToken",
      error: expect.stringContaining("只读"),
    });
    expect(await db.importJob.count()).toBe(jobs);
    // the same write with a read-write token is let through (its body is then checked)
    const rw = await token({ access: "readWrite" });
    const allowed = await call(putRecords, "/api/v1/records", { method: "PUT", token: rw.token, body: {} });
    expect(allowed.status).toBe(400);
  });

  it("the OpenAPI document describes expiry and read-only refusals", async () => {
    const doc = JSON.stringify((await call(openapi, "/api/v1/openapi.json")).body);
    expect(doc).toContain("api.errors.expiredToken");
    expect(doc).toContain("api.errors.readOnlyToken");
  });
});

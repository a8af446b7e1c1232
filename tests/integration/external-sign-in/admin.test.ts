import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AuthorizationError } from "@/lib/core/result";
import { oidcClientSecretVariable } from "@/lib/env";
import { testProviderConnection } from "@/lib/external-sign-in/connection-test";
import {
  createProvider,
  deleteProvider,
  listProvidersForAdmin,
  signInProviders,
  updateProvider,
} from "@/lib/external-sign-in/providers";
import { startTestProvider, type TestProvider } from "../../support/oidc/provider";
import { lastAudit, makeStaff } from "../admin/fixtures";

/** The admin's provider page: every change audited, bad input refused at its field, "test connection". */
let idp: TestProvider;
const slug = () => `a-${randomBytes(3).toString("hex")}`;
const input = (overrides: Record<string, string> = {}) => ({
  slug: slug(),
  nameZh: "统一身份认证",
  nameEn: "Campus SSO",
  issuer: idp.issuer,
  clientId: "xueji",
  audience: "staff",
  staffClaim: "",
  staffPasswordDisabled: "",
  enabled: "on",
  ...overrides,
});

beforeAll(async () => {
  idp = await startTestProvider({ clients: [], users: [] });
});
afterAll(() => idp.close());

describe("providers in the admin settings", () => {
  it("adds, changes and deletes a provider, each audited with before and after", async () => {
    const { actor: admin } = await makeStaff("admin");
    const created = await createProvider(admin, input({ staffClaim: "employee_number" }));
    if (!created.ok) throw new Error(JSON.stringify(created));
    expect(
      JSON.parse((await lastAudit("sso.provider.create", created.value.id))?.after ?? "{}"),
    ).toMatchObject({
      issuer: idp.issuer,
      staffClaim: "employee_number",
    });
    const changed = await updateProvider(
      admin,
      created.value.id,
      input({ nameZh: "校园统一身份认证", slug: "ignored" }),
    );
    expect(changed.ok).toBe(true);
    const row = await db.signInProvider.findUniqueOrThrow({ where: { id: created.value.id } });
    expect(row.nameZh).toBe("校园统一身份认证");
    expect(row.slug).not.toBe("ignored"); // the slug names the redirect URI: it never changes
    const update = await lastAudit("sso.provider.update", created.value.id);
    expect(JSON.parse(update?.before ?? "{}").nameZh).toBe("统一身份认证");
    expect(JSON.parse(update?.after ?? "{}").nameZh).toBe("校园统一身份认证");
    expect((await deleteProvider(admin, created.value.id)).ok).toBe(true);
    expect(await lastAudit("sso.provider.delete", created.value.id)).not.toBeNull();
    expect(await db.signInProvider.count({ where: { id: created.value.id } })).toBe(0);
  });

  it.each([
    [{ slug: "Campus SSO" }, "slug", "sso.admin.errors.slug"],
    [{ issuer: "http://sso.example.edu.cn" }, "issuer", "sso.admin.errors.issuer"],
    [{ issuer: "https://sso.example.edu.cn/?tenant=1" }, "issuer", "sso.admin.errors.issuer"],
    [{ issuer: "javascript:alert(1)" }, "issuer", "sso.admin.errors.issuer"],
    [{ clientId: "" }, "clientId", "sso.admin.errors.clientId"],
    [{ audience: "everyone" }, "audience", "sso.admin.errors.audience"],
    [{ staffClaim: "sub" }, "staffClaim", "sso.admin.errors.staffClaim"],
    [{ nameEn: "x".repeat(500) }, "nameEn", "sso.admin.errors.name"],
  ])("refuses %j at its field and changes nothing", async (bad, field, key) => {
    const { actor: admin } = await makeStaff("admin");
    const before = await db.signInProvider.count();
    const r = await createProvider(admin, input(bad));
    expect(r.ok ? null : r.fieldErrors?.[field]?.key).toBe(key);
    expect(await db.signInProvider.count()).toBe(before);
  });

  it("refuses a slug that is taken", async () => {
    const { actor: admin } = await makeStaff("admin");
    const first = input();
    expect((await createProvider(admin, first)).ok).toBe(true);
    const again = await createProvider(admin, input({ slug: first.slug }));
    expect(again.ok ? null : again.fieldErrors?.slug?.key).toBe("sso.admin.errors.slugTaken");
  });

  it("is for admins only", async () => {
    const { actor: registrar } = await makeStaff("registrar");
    await expect(createProvider(registrar, input())).rejects.toBeInstanceOf(AuthorizationError);
    await expect(listProvidersForAdmin(registrar)).rejects.toBeInstanceOf(AuthorizationError);
  });

  it("offers a button only for enabled providers of that audience whose secret is set", async () => {
    const { actor: admin } = await makeStaff("admin");
    const staffOnly = input({ audience: "staff" });
    const both = input({ audience: "both" });
    const off = input({ audience: "both", enabled: "" });
    for (const p of [staffOnly, both, off]) {
      await createProvider(admin, p);
      process.env[oidcClientSecretVariable(p.slug)] = "s3cret";
    }
    const staff = (await signInProviders("staff")).map((p) => p.slug);
    const students = (await signInProviders("students")).map((p) => p.slug);
    expect(staff).toEqual(expect.arrayContaining([staffOnly.slug, both.slug]));
    expect(students).toContain(both.slug);
    expect(students).not.toContain(staffOnly.slug);
    expect([...staff, ...students]).not.toContain(off.slug);
  });
});

describe("test connection", () => {
  async function report(overrides: Record<string, string>, secret?: string) {
    const { actor: admin } = await makeStaff("admin");
    const p = input(overrides);
    const created = await createProvider(admin, p);
    if (!created.ok) throw new Error(JSON.stringify(created));
    if (secret) process.env[oidcClientSecretVariable(p.slug)] = secret;
    const r = await testProviderConnection(admin, created.value.id);
    if (!r.ok) throw new Error("test refused");
    return r.value;
  }

  it("reports a working provider line by line", async () => {
    const r = await report({}, "s3cret");
    expect(r.ok).toBe(true);
    expect(r.checks.map((c) => c.key)).toEqual([
      "secret.ok",
      "discovery.ok",
      "endpoints.ok",
      "code.ok",
      "pkce.ok",
      "jwks.ok",
    ]);
    expect(r.checks.find((c) => c.key === "jwks.ok")?.params?.count).toBe(1);
  });

  it("says the secret's variable is missing", async () => {
    const r = await report({});
    expect(r.ok).toBe(false);
    expect(r.checks[0]).toMatchObject({ key: "secret.missing", ok: false });
    expect(String(r.checks[0].params?.variable)).toMatch(/^OIDC_A_[0-9A-F]{6}_CLIENT_SECRET$/);
  });

  it("says a wrong path answers with an HTTP error (e.g. a Keycloak URL without /realms/…)", async () => {
    const r = await report({ issuer: `${idp.issuer}/realms/missing` }, "s3cret");
    expect(r.checks.at(-1)).toMatchObject({ key: "discovery.status", ok: false });
  });

  it("says when the issuer in the document differs (the same server under another host name)", async () => {
    const r = await report({ issuer: idp.issuer.replace("127.0.0.1", "localhost") }, "s3cret");
    expect(r.checks.map((c) => c.key)).toContain("discovery.issuer");
  });

  it("says a provider that is down cannot be reached, quickly and without an exception", async () => {
    const down = await startTestProvider({ clients: [], users: [] });
    await down.close();
    const started = Date.now();
    const r = await report({ issuer: down.issuer }, "s3cret");
    expect(r.checks.at(-1)).toMatchObject({ key: "discovery.unreachable", ok: false });
    expect(Date.now() - started).toBeLessThan(6_000);
  });
});

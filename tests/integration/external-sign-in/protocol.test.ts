import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { forgetClientConfigurations } from "@/lib/external-sign-in/client";
import { linkStaff } from "@/lib/external-sign-in/staff-links";
import { startSignIn } from "@/lib/external-sign-in/start";
import { hashSecret } from "@/lib/security/crypto";
import { signInAtProvider } from "../../support/oidc/browser";
import { lastAudit, makeStaff } from "../admin/fixtures";
import {
  browser,
  callback,
  PORTAL,
  setUpProvider,
  signInThroughProvider,
  testUser,
  type Setup,
} from "./support";

/**
 * The protocol's guarantees, each against a real provider that can be made to misbehave: PKCE, state and
 * nonce in the request; a state that is single-use, expiring and tied to the browser; ID tokens with a
 * wrong audience or issuer, expired or forged are refused; a provider that is down gets a clear reason.
 */
const user = testUser();
let setup: Setup;

beforeAll(async () => {
  setup = await setUpProvider({ audience: "staff", users: [user] });
  const { actor: admin } = await makeStaff("admin");
  const { actor: staff } = await makeStaff("registrar");
  await linkStaff(admin, staff.staffUserId, { providerId: setup.providerId, subject: user.sub });
});
afterAll(() => setup.close());

async function sessionsOpened(run: () => Promise<unknown>) {
  const before = await db.authSession.count({ where: { method: "oidc" } });
  await run();
  return (await db.authSession.count({ where: { method: "oidc" } })) - before;
}

describe("the authorization request", () => {
  it("asks for a code with PKCE S256, a fresh state and nonce, and the exact registered redirect URI", async () => {
    const { authorizationUrl: a } = await signInThroughProvider(setup, "staff", user);
    const { authorizationUrl: b } = await signInThroughProvider(setup, "staff", user);
    expect(a.origin).toBe(setup.idp.issuer);
    expect(a.searchParams.get("response_type")).toBe("code");
    expect(a.searchParams.get("code_challenge_method")).toBe("S256");
    expect(a.searchParams.get("code_challenge")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.searchParams.get("redirect_uri")).toBe(`${PORTAL}/oidc/callback/${setup.slug}`);
    expect(a.searchParams.get("scope")).toBe("openid");
    for (const p of ["state", "nonce", "code_challenge"])
      expect(a.searchParams.get(p)).not.toBe(b.searchParams.get(p));
    // the state is stored only as a hash, the verifier only encrypted
    const row = await db.oidcAuthState.findUniqueOrThrow({
      where: { stateHash: hashSecret(a.searchParams.get("state")!) },
    });
    expect(row.codeVerifierEnc).not.toContain(a.searchParams.get("code_challenge")!);
  });
});

describe("state", () => {
  it("is single use: a replayed callback is refused and opens no session", async () => {
    const { back, browser: b } = await signInThroughProvider(setup, "staff", user);
    expect((await callback(setup, back, b)).kind).toBe("signedIn");
    const opened = await sessionsOpened(async () => {
      expect(await callback(setup, back, b)).toMatchObject({
        kind: "failed",
        audience: "staff",
        reason: "state_invalid",
      });
    });
    expect(opened).toBe(0);
  });

  it("is used up by exactly one of many simultaneous callbacks", async () => {
    const { back, browser: b } = await signInThroughProvider(setup, "staff", user);
    const outcomes = await Promise.all(Array.from({ length: 12 }, () => callback(setup, back, b)));
    expect(outcomes.filter((o) => o.kind === "signedIn")).toHaveLength(1);
    expect(outcomes.filter((o) => o.kind === "failed" && o.reason === "state_invalid")).toHaveLength(11);
  });

  it("expires after 10 minutes (the person came back too late)", async () => {
    const { back, browser: b } = await signInThroughProvider(setup, "staff", user);
    await db.oidcAuthState.update({
      where: { stateHash: hashSecret(back.searchParams.get("state")!) },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await callback(setup, back, b)).toMatchObject({ reason: "state_invalid" });
  });

  it("only works in the browser that started the flow (a callback link sent to someone else is refused)", async () => {
    const { back } = await signInThroughProvider(setup, "staff", user);
    const victim = browser();
    expect(await callback(setup, back, victim)).toMatchObject({ reason: "state_invalid" });
    expect(await callback(setup, back, { ...victim, token: undefined as unknown as string })).toMatchObject({
      reason: "state_invalid",
    });
  });

  it("is refused when missing, forged, or meant for another provider", async () => {
    const b = browser();
    for (const query of [
      "code=abc",
      "code=abc&state=forged-state-value",
      `code=abc&state=${"x".repeat(5000)}`,
    ]) {
      const outcome = await callback(setup, new URL(`${PORTAL}/oidc/callback/${setup.slug}?${query}`), b);
      expect(outcome).toMatchObject({ kind: "failed", reason: "state_invalid" });
    }
    const { back, browser: owner } = await signInThroughProvider(setup, "staff", user);
    const other = await setUpProvider({ audience: "staff", users: [] });
    await other.close();
    expect(await callback({ ...setup, slug: other.slug }, back, owner)).toMatchObject({
      reason: "state_invalid",
    });
  });
});

describe("ID token checks", () => {
  for (const mode of ["wrong_audience", "wrong_issuer", "expired", "wrong_nonce", "forged"] as const) {
    it(`refuses an ID token that is ${mode.replace("_", " ")} and audits it`, async () => {
      setup.idp.setTamper(mode);
      try {
        const opened = await sessionsOpened(async () => {
          const { back, browser: b } = await signInThroughProvider(setup, "staff", user);
          expect(await callback(setup, back, b)).toMatchObject({ kind: "failed", reason: "token_invalid" });
        });
        expect(opened).toBe(0);
        const entry = await lastAudit("sso.refused", setup.providerId);
        expect(JSON.parse(entry?.after ?? "{}")).toMatchObject({ reason: "token_invalid" });
      } finally {
        setup.idp.setTamper("none");
      }
    });
  }

  it("the same flow goes through once the provider behaves (so the refusals above were about the token)", async () => {
    const { back, browser: b } = await signInThroughProvider(setup, "staff", user);
    expect((await callback(setup, back, b)).kind).toBe("signedIn");
  });
});

describe("a provider that cannot be reached", () => {
  it("is reported at the button and at the callback, with a reason and no exception", async () => {
    const down = await setUpProvider({ audience: "staff", users: [user] });
    const b = browser();
    const started = await startSignIn(
      { slug: down.slug, audience: "staff" },
      { baseUrl: PORTAL, browserToken: b.token, ip: b.meta.ip },
    );
    expect(started.ok).toBe(true);
    if (!started.ok) return;
    const back = await signInAtProvider(started.value.url, user, `${PORTAL}/oidc/callback/`);
    await down.idp.close();
    forgetClientConfigurations();
    // the token endpoint is gone between the login and the callback
    expect(await callback(down, back, b)).toMatchObject({ kind: "failed", reason: "unreachable" });
    // and the next press of the button says so at once
    const again = await startSignIn(
      { slug: down.slug, audience: "staff" },
      { baseUrl: PORTAL, browserToken: b.token, ip: b.meta.ip },
    );
    expect(again.ok ? null : again.error?.key).toBe("sso.errors.unreachable");
    await down.close();
  });

  it("a person who cancels at the provider is told so", async () => {
    const b = browser();
    const started = await startSignIn(
      { slug: setup.slug, audience: "staff" },
      { baseUrl: PORTAL, browserToken: b.token, ip: b.meta.ip },
    );
    if (!started.ok) throw new Error("start refused");
    const back = await signInAtProvider(started.value.url, { cancel: true }, `${PORTAL}/oidc/callback/`);
    expect(back.searchParams.get("error")).toBe("access_denied");
    expect(await callback(setup, back, b)).toMatchObject({ kind: "failed", reason: "denied" });
  });

  it("a provider without its client secret in the environment offers no button and refuses to start", async () => {
    const { signInProviders } = await import("@/lib/external-sign-in/providers");
    const { oidcClientSecretVariable } = await import("@/lib/env");
    const variable = oidcClientSecretVariable(setup.slug);
    const secret = process.env[variable];
    delete process.env[variable];
    try {
      expect((await signInProviders("staff")).map((p) => p.slug)).not.toContain(setup.slug);
      const b = browser();
      const r = await startSignIn(
        { slug: setup.slug, audience: "staff" },
        { baseUrl: PORTAL, browserToken: b.token, ip: b.meta.ip },
      );
      expect(r.ok ? null : r.error?.key).toBe("sso.errors.not_configured");
    } finally {
      process.env[variable] = secret;
    }
    expect((await signInProviders("staff")).map((p) => p.slug)).toContain(setup.slug);
  });
});

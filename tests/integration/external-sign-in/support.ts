import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import type { StudentActor } from "@/lib/auth/actor";
import { startSession } from "@/lib/auth/sessions";
import { oidcClientSecretVariable } from "@/lib/env";
import { completeExternalSignIn } from "@/lib/external-sign-in/callback";
import { createProvider } from "@/lib/external-sign-in/providers";
import { startBinding, startSignIn } from "@/lib/external-sign-in/start";
import { startTestProvider, type TestProvider, type TestUser } from "../../support/oidc/provider";
import { signInAtProvider } from "../../support/oidc/browser";
import { makeStaff } from "../admin/fixtures";
import { meta } from "../accounts/support";

/** The portal as the provider knows it (never fetched: the test's user agent stops at this origin). */
export const PORTAL = "https://portal.test";

export type Setup = {
  idp: TestProvider;
  slug: string;
  providerId: string;
  users: TestUser[];
  close: () => Promise<void>;
};

/**
 * A real provider on loopback, registered in the portal by the admin service like an admin would: a client
 * with its secret in OIDC_<SLUG>_CLIENT_SECRET and the portal's exact redirect URI.
 */
export async function setUpProvider(options: {
  audience: "staff" | "students" | "both";
  staffClaim?: string;
  staffPasswordDisabled?: boolean;
  users: TestUser[];
}): Promise<Setup> {
  const slug = `t-${randomBytes(4).toString("hex")}`;
  const secret = randomBytes(24).toString("base64url");
  const clientId = `portal-${slug}`;
  const idp = await startTestProvider({
    clients: [{ clientId, clientSecret: secret, redirectUris: [`${PORTAL}/oidc/callback/${slug}`] }],
    users: options.users,
  });
  process.env[oidcClientSecretVariable(slug)] = secret;
  const { actor: admin } = await makeStaff("admin");
  const created = await createProvider(admin, {
    slug,
    nameZh: "测试统一身份认证",
    nameEn: "Test campus SSO",
    issuer: idp.issuer,
    clientId,
    audience: options.audience,
    staffClaim: options.staffClaim ?? "",
    staffPasswordDisabled: options.staffPasswordDisabled ? "on" : "",
    enabled: "on",
  });
  if (!created.ok) throw new Error(`provider not created: ${JSON.stringify(created)}`);
  return {
    idp,
    slug,
    providerId: created.value.id,
    users: options.users,
    close: async () => {
      delete process.env[oidcClientSecretVariable(slug)];
      await idp.close();
    },
  };
}

export function testUser(overrides: Partial<TestUser> = {}): TestUser {
  const n = randomBytes(4).toString("hex");
  return { sub: `sub-${n}-248289761001`, username: `u${n}`, password: `pw-${n}`, ...overrides };
}

/** One browser: its flow cookie value and address. */
export function browser() {
  return { token: randomBytes(32).toString("base64url"), meta: meta() };
}

/** Presses a sign-in button, signs in at the provider and returns the URL the provider sent back. */
export async function signInThroughProvider(
  setup: Setup,
  audience: "staff" | "students",
  user: TestUser,
  b = browser(),
) {
  const started = await startSignIn(
    { slug: setup.slug, audience },
    { baseUrl: PORTAL, browserToken: b.token, ip: b.meta.ip },
  );
  if (!started.ok) throw new Error(`start refused: ${JSON.stringify(started)}`);
  const back = await signInAtProvider(started.value.url, user, `${PORTAL}/oidc/callback/`);
  return { back, browser: b, authorizationUrl: new URL(started.value.url) };
}

/** The portal's callback for a URL the provider sent the browser back to. */
export function callback(
  setup: Setup,
  back: URL,
  b: { token: string; meta: ReturnType<typeof meta> },
  sessionId: string | null = null,
) {
  return completeExternalSignIn(setup.slug, back.searchParams, b.token, sessionId, b.meta);
}

/** A signed-in student (a session row, as after a password sign-in). */
export async function studentSession(accountId: string, identityStatus: "verified" | "pending" = "verified") {
  const session = await startSession({ accountId }, meta());
  const actor: StudentActor = { kind: "student", accountId, sessionId: session.id, identityStatus };
  return actor;
}

/** Binds a provider to a student through the real flow: password, provider sign-in, callback. */
export async function bindThroughProvider(
  setup: Setup,
  actor: StudentActor,
  password: string,
  user: TestUser,
) {
  const b = browser();
  const started = await startBinding(
    actor,
    { slug: setup.slug, currentPassword: password },
    { baseUrl: PORTAL, browserToken: b.token, ip: b.meta.ip },
  );
  if (!started.ok) return { started, outcome: null };
  const back = await signInAtProvider(started.value.url, user, `${PORTAL}/oidc/callback/`);
  return { started, outcome: await callback(setup, back, b, actor.sessionId) };
}

export { db };

import "server-only";
import * as oidc from "openid-client";
import { db } from "@/lib/db";
import type { StudentActor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { fail, ok, type Result } from "@/lib/core/result";
import { confirmCurrentPassword } from "@/lib/accounts/reauth";
import { consume } from "@/lib/security/rate-limit";
import { createAuthState, type FlowPurpose } from "./auth-state";
import { clientConfiguration, MissingClientSecret } from "./client";
import { classifyClientError, describeClientError } from "./failures";
import { providerBySlug } from "./providers";
import { servesStaff, servesStudents } from "./schemas";

/** Where the provider sends the browser back: one exact URI per provider, registered at the provider. */
export function redirectUriFor(baseUrl: string, slug: string): string {
  return `${new URL(baseUrl).origin}/oidc/callback/${slug}`;
}

/** Scopes asked for: `openid`, plus the scope that carries the claim staff are linked by. */
function scopeFor(purpose: FlowPurpose, staffClaim: string): string {
  if (purpose !== "staff_sign_in" || !staffClaim) return "openid";
  if (staffClaim === "email") return "openid email";
  if (staffClaim === "phone_number") return "openid phone";
  return "openid profile";
}

export type FlowContext = { baseUrl: string; browserToken: string; ip: string | null };

async function authorizationUrl(
  provider: NonNullable<Awaited<ReturnType<typeof providerBySlug>>>,
  purpose: FlowPurpose,
  ctx: FlowContext,
  extra: { accountId?: string; sessionId?: string; next?: string } = {},
): Promise<Result<{ url: string }>> {
  const allowed = await consume("externalSignInStartsPerIpMinute", `ip:${ctx.ip ?? "unknown"}`);
  if (!allowed.ok) return fail("sso.errors.tooMany", { seconds: allowed.retryAfterSeconds });
  let config: oidc.Configuration;
  try {
    config = await clientConfiguration(provider, { fresh: true });
  } catch (e) {
    if (e instanceof MissingClientSecret) return fail("sso.errors.not_configured");
    console.warn(`[sso] discovery for ${provider.slug} failed: ${describeClientError(e)}`);
    return fail(`sso.errors.${classifyClientError(e) === "unreachable" ? "unreachable" : "provider_error"}`);
  }
  const redirectUri = redirectUriFor(ctx.baseUrl, provider.slug);
  const { state, nonce, codeChallenge } = await createAuthState({
    providerId: provider.id,
    purpose,
    redirectUri,
    browserToken: ctx.browserToken,
    ...extra,
  });
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    response_type: "code",
    scope: scopeFor(purpose, provider.staffClaim),
    state,
    nonce,
    code_challenge: codeChallenge,
    code_challenge_method: "S256",
  });
  return ok({ url: url.href });
}

/** /login and /staff/login: sends the browser to the provider to sign in. */
export async function startSignIn(
  input: { slug: string; audience: "staff" | "students"; next?: string },
  ctx: FlowContext,
): Promise<Result<{ url: string }>> {
  const provider = await providerBySlug(input.slug);
  const serves = input.audience === "staff" ? servesStaff : servesStudents;
  if (!provider || !provider.enabled || !serves(provider.audience)) return fail("sso.errors.not_configured");
  const purpose = input.audience === "staff" ? "staff_sign_in" : "student_sign_in";
  return authorizationUrl(provider, purpose, ctx, { next: input.next });
}

/**
 * /account: binding a provider to the signed-in student, after the password was re-entered (wrong entries
 * count against the sign-in lock, like every re-entry). The flow remembers the account and the session.
 */
export async function startBinding(
  actor: StudentActor,
  input: { slug: string; currentPassword: string },
  ctx: FlowContext,
): Promise<Result<{ url: string }>> {
  assertCan(actor, "account.manageOwn");
  const provider = await providerBySlug(input.slug);
  if (!provider || !provider.enabled || !servesStudents(provider.audience))
    return fail("sso.errors.not_configured");
  const account = await db.account.findUnique({
    where: { id: actor.accountId },
    select: { id: true, passwordHash: true, externalIdentities: { where: { providerId: provider.id } } },
  });
  if (!account) return fail("sso.errors.session_changed");
  const confirmed = await confirmCurrentPassword(account, input.currentPassword);
  if (!confirmed.ok) return confirmed;
  if (account.externalIdentities.length > 0) return fail("sso.bind.alreadyBound");
  return authorizationUrl(provider, "student_bind", ctx, {
    accountId: account.id,
    sessionId: actor.sessionId,
  });
}

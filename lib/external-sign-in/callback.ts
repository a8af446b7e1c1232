import "server-only";
import * as oidc from "openid-client";
import type { RequestMeta } from "@/lib/core/request-meta";
import { audit } from "@/lib/security/audit";
import { db } from "@/lib/db";
import { consumeAuthState, type FlowPurpose } from "./auth-state";
import { bindExternalIdentity } from "./bindings";
import { clientConfiguration, MissingClientSecret } from "./client";
import { classifyClientError, describeClientError, type FailureReason } from "./failures";
import { providerBySlug } from "./providers";
import { servesStaff, servesStudents } from "./schemas";
import { signInStaffExternal } from "./staff-sign-in";
import { signInStudentExternal } from "./student-sign-in";

/** Whose page a refusal is shown on. */
export type FlowAudience = "staff" | "student" | "bind";

export type CallbackOutcome =
  | { kind: "signedIn"; audience: "staff"; sessionId: string }
  | { kind: "signedIn"; audience: "student"; sessionId: string; identityStatus: string; next: string | null }
  | { kind: "bound" }
  | { kind: "failed"; audience: FlowAudience; reason: FailureReason; until?: Date };

const failed = (audience: FlowAudience, reason: FailureReason, until?: Date): CallbackOutcome => ({
  kind: "failed",
  audience,
  reason,
  until,
});

type Claims = oidc.IDToken & Record<string, unknown>;

const audienceOf = (purpose: FlowPurpose): FlowAudience =>
  purpose === "staff_sign_in" ? "staff" : purpose === "student_bind" ? "bind" : "student";

/**
 * The authorization code exchanged at the provider (PKCE verifier sent) and the ID token checked by the
 * client library: issuer, audience, expiry and issue time (±30 s), signature against the provider's JWKS,
 * and the nonce of this flow. For staff linked by a claim that is not in the ID token, the userinfo
 * endpoint is asked too (its subject must match).
 */
async function verifiedClaims(
  provider: { slug: string; issuer: string; clientId: string; staffClaim: string },
  flow: { redirectUri: string; codeVerifier: string; nonce: string },
  state: string,
  query: URLSearchParams,
  wantsStaffClaim: boolean,
): Promise<Claims> {
  const config = await clientConfiguration(provider);
  // The redirect URI as sent in the authorization request, not as this server sees itself behind a proxy.
  const current = new URL(flow.redirectUri);
  current.search = query.toString();
  const tokens = await oidc.authorizationCodeGrant(config, current, {
    pkceCodeVerifier: flow.codeVerifier,
    expectedNonce: flow.nonce,
    expectedState: state,
    idTokenExpected: true,
  });
  const claims = tokens.claims() as Claims | undefined;
  if (!claims?.sub) throw Object.assign(new Error("no ID token subject"), { code: "OAUTH_INVALID_RESPONSE" });
  if (
    wantsStaffClaim &&
    provider.staffClaim &&
    claims[provider.staffClaim] === undefined &&
    config.serverMetadata().userinfo_endpoint
  ) {
    const info = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
    return { ...info, ...claims } as Claims;
  }
  return claims;
}

/**
 * The provider sent the browser back to /oidc/callback/<slug>. Uses up the flow's state (single use,
 * expiring, tied to this browser), verifies the response, then signs in a staff member or a student, or
 * finishes a binding. Every refusal is a reason the page can explain; nothing here throws to the browser.
 */
export async function completeExternalSignIn(
  slug: string,
  query: URLSearchParams,
  browserToken: string | undefined,
  currentSessionId: string | null,
  meta: RequestMeta,
): Promise<CallbackOutcome> {
  const provider = await providerBySlug(slug);
  const guess: FlowAudience = provider && !servesStudents(provider.audience) ? "staff" : "student";
  if (!provider) return failed(guess, "state_invalid");
  const state = query.get("state") ?? "";
  const consumed = await consumeAuthState(state, provider.id, browserToken);
  if (!consumed.ok) return failed(consumed.purpose ? audienceOf(consumed.purpose) : guess, "state_invalid");
  const flow = consumed.flow;
  const audience = audienceOf(flow.purpose);
  const serves = audience === "staff" ? servesStaff : servesStudents;
  if (!provider.enabled || !serves(provider.audience)) return failed(audience, "not_configured");

  let claims: Claims;
  try {
    claims = await verifiedClaims(provider, flow, state, query, audience === "staff");
  } catch (e) {
    if (e instanceof MissingClientSecret) return failed(audience, "not_configured");
    const reason = classifyClientError(e);
    console.warn(`[sso] ${slug} callback refused (${reason}): ${describeClientError(e)}`);
    if (reason === "token_invalid")
      await db.$transaction((tx) =>
        audit(tx, null, {
          action: "sso.refused",
          targetType: "signInProvider",
          targetId: provider.id,
          after: { provider: slug, reason, flow: flow.purpose },
          ip: meta.ip,
        }),
      );
    return failed(audience, reason);
  }

  if (audience === "staff") {
    const r = await signInStaffExternal(provider, claims, meta);
    return r.ok
      ? { kind: "signedIn", audience, sessionId: r.value.sessionId }
      : failed(audience, r.reason, r.until);
  }
  if (audience === "student") {
    const r = await signInStudentExternal(provider.id, claims.sub, meta);
    return r.ok
      ? { kind: "signedIn", audience, ...r.value, next: flow.next }
      : failed(audience, r.reason, r.until);
  }
  const r = await bindExternalIdentity(flow, provider, claims.sub, currentSessionId, meta);
  return r.ok ? { kind: "bound" } : failed(audience, r.reason);
}

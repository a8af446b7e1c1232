import "server-only";
import * as oidc from "openid-client";
import { db } from "@/lib/db";
import { decrypt, encrypt, hashSecret, safeEqual } from "@/lib/security/crypto";

/** A flow must come back from the provider within this time; the state is then used up. */
export const STATE_LIFETIME_MS = 10 * 60_000;

export type FlowPurpose = "staff_sign_in" | "student_sign_in" | "student_bind";

export type NewAuthState = {
  providerId: string;
  purpose: FlowPurpose;
  redirectUri: string;
  browserToken: string;
  accountId?: string;
  sessionId?: string;
  next?: string;
};

export type PendingFlow = {
  providerId: string;
  purpose: FlowPurpose;
  redirectUri: string;
  nonce: string;
  codeVerifier: string;
  accountId: string | null;
  sessionId: string | null;
  next: string | null;
};

/**
 * Stores a new flow (state hashed, PKCE verifier encrypted) and returns what goes into the authorization
 * request. Flows that expired more than a day ago are swept on the way.
 */
export async function createAuthState(input: NewAuthState) {
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const now = Date.now();
  await db.oidcAuthState.deleteMany({ where: { expiresAt: { lt: new Date(now - 86_400_000) } } });
  await db.oidcAuthState.create({
    data: {
      stateHash: hashSecret(state),
      providerId: input.providerId,
      purpose: input.purpose,
      nonce,
      codeVerifierEnc: encrypt(codeVerifier),
      redirectUri: input.redirectUri,
      browserHash: hashSecret(input.browserToken),
      accountId: input.accountId ?? null,
      sessionId: input.sessionId ?? null,
      next: input.next ?? null,
      expiresAt: new Date(now + STATE_LIFETIME_MS),
    },
  });
  return { state, nonce, codeChallenge: await oidc.calculatePKCECodeChallenge(codeVerifier) };
}

/**
 * Uses up the flow a callback names. Exactly one caller wins, on any number of app instances (a
 * conditional update). A replayed, expired or unknown state, or one started in another browser, is
 * refused; when the state is known, the refusal says which kind of flow it was (for the page to show).
 */
export async function consumeAuthState(
  state: string,
  providerId: string,
  browserToken: string | undefined,
): Promise<{ ok: true; flow: PendingFlow } | { ok: false; purpose?: FlowPurpose }> {
  if (!state || state.length > 200) return { ok: false };
  const stateHash = hashSecret(state);
  const now = new Date();
  const used = await db.oidcAuthState.updateMany({
    where: { stateHash, providerId, consumedAt: null, expiresAt: { gt: now } },
    data: { consumedAt: now },
  });
  const row = await db.oidcAuthState.findUnique({ where: { stateHash } });
  if (!row || row.providerId !== providerId) return { ok: false };
  const purpose = row.purpose as FlowPurpose;
  if (used.count !== 1 || !browserToken || !safeEqual(row.browserHash, hashSecret(browserToken)))
    return { ok: false, purpose };
  return {
    ok: true,
    flow: {
      providerId: row.providerId,
      purpose,
      redirectUri: row.redirectUri,
      nonce: row.nonce,
      codeVerifier: decrypt(row.codeVerifierEnc),
      accountId: row.accountId,
      sessionId: row.sessionId,
      next: row.next,
    },
  };
}

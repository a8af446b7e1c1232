import { VERIFIED_FLAG_CLAIMS } from "./schemas";

type Claims = Record<string, unknown>;

/** How a claim value is compared: e-mail addresses without case, everything else as given (trimmed). */
export function normalizeClaimValue(claim: string, value: string): string {
  const trimmed = value.trim();
  return claim === "email" ? trimmed.toLowerCase() : trimmed;
}

/**
 * The value of the claim staff are linked by, only when the provider vouches for it: e-mail and phone
 * need `email_verified` / `phone_number_verified` to be true; a claim the provider assigns itself (an
 * employee number) counts unless the provider marks it `<claim>_verified: false`. Null otherwise.
 */
export function verifiedClaimValue(claims: Claims, claim: string): string | null {
  if (!claim || claim === "sub") return null;
  const raw = claims[claim];
  const value = typeof raw === "string" ? raw : typeof raw === "number" ? String(raw) : null;
  if (!value || !value.trim() || value.length > 255) return null;
  const flag = VERIFIED_FLAG_CLAIMS[claim];
  if (flag ? claims[flag] !== true : claims[`${claim}_verified`] === false) return null;
  return normalizeClaimValue(claim, value);
}

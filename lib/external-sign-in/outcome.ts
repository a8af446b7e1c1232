import type { FailureReason } from "./failures";

/** What one step of an external sign-in gives back: a session, or the reason it was refused. */
export type StepResult<T> = { ok: true; value: T } | { ok: false; reason: FailureReason; until?: Date };

export const refused = (
  reason: FailureReason,
  until?: Date,
): { ok: false; reason: FailureReason; until?: Date } => ({
  ok: false,
  reason,
  until,
});

/** A sign-in attempt through a provider, for the login log the owner reads. */
export function loginEventData(
  owner: { accountId?: string | null; staffUserId?: string | null },
  outcome: string,
  providerId: string,
  meta: { ip: string | null; userAgent: string | null },
) {
  return {
    accountId: owner.accountId ?? null,
    staffUserId: owner.staffUserId ?? null,
    outcome,
    method: "oidc",
    signInProviderId: providerId,
    ip: meta.ip,
    userAgent: meta.userAgent,
  };
}

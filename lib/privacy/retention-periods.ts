/**
 * Fixed retention periods of the retention job (lib/identity-cases/retention.ts), in days. Kept apart from the
 * job (no server-only imports) so the generated privacy table (lib/privacy/inventory.ts) states the same
 * numbers the job uses. Periods an administrator can change live in the settings (lib/settings.ts).
 */

/** Sign-in history of a closed account (网络安全法 art. 21: network logs ≥ 6 months). */
export const CLOSED_ACCOUNT_LOG_DAYS = 183;

/**
 * The log of sent SMS and e-mails (OutboundMessage: recipient, text with codes and links blanked): kept as long
 * as the sign-in history, the network-log minimum, so a "I never got the code" complaint can be checked.
 */
export const MESSAGE_LOG_DAYS = CLOSED_ACCOUNT_LOG_DAYS;

/**
 * Verification codes (hashed, with the phone or address they went to) live for minutes; a day after a code
 * expired — used or not — it has no use left.
 */
export const SPENT_CODE_DAYS = 1;

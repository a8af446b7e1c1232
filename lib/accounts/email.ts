import "server-only";
import { db } from "@/lib/db";
import { type Result, ok, fail } from "@/lib/core/result";
import { Refused } from "@/lib/core/refused";
import { consume } from "@/lib/security/rate-limit";
import { sendMessage } from "@/lib/messaging/send";
import { renderMessage } from "@/lib/messaging/texts";
import { maskEmail } from "@/lib/identity/email";
import { firstRefused, tooFrequent } from "./codes";
import { consumeToken, findLiveToken, issueToken, revokeTokens } from "./tokens";
import { notifySecurityEvent } from "./notices";
import { isUniqueViolation } from "@/lib/db/errors";

/**
 * 安全邮箱: an address counts (may sign in, may receive reset links) only once its owner followed the link
 * sent to it. Until then it waits in pendingEmail.
 */
export async function sendEmailVerification(
  accountId: string,
  email: string,
  baseUrl: string,
): Promise<Result<{ masked: string }>> {
  const refused = await firstRefused([
    ["emailPerAddressMinute", email],
    ["emailPerAddressDay", email],
  ]);
  if (refused) return tooFrequent(refused);
  await consume("emailPerAddressMinute", email);
  await consume("emailPerAddressDay", email);
  const token = await db.$transaction(async (tx) => {
    await revokeTokens(tx, accountId, ["verify_email"]);
    return issueToken(tx, accountId, "verify_email");
  });
  const link = `${baseUrl}/account/email/verify?token=${encodeURIComponent(token)}`;
  const sent = await sendMessage({
    channel: "email",
    to: email,
    subject: "学籍自查：请验证您的安全邮箱 / Verify your security e-mail",
    body: await renderMessage("emailVerify", { link }),
  });
  if (!sent.ok) return fail("register.email.sendFailed");
  return ok({ masked: maskEmail(email) });
}

/** What the verification page shows before the person confirms (a link preview must not verify). */
export async function describeEmailToken(token: string | null | undefined) {
  const row = await findLiveToken("verify_email", token);
  if (!row) return null;
  const account = await db.account.findUnique({ where: { id: row.accountId } });
  if (!account?.pendingEmail || account.identityStatus === "cancelled") return null;
  return { email: account.pendingEmail };
}

/** Follows a verification link: pendingEmail becomes the verified security e-mail. */
export async function confirmEmail(token: string): Promise<Result<{ email: string }>> {
  const row = await findLiveToken("verify_email", token);
  if (!row) return fail("account.email.linkInvalid");
  const account = await db.account.findUnique({ where: { id: row.accountId } });
  if (!account?.pendingEmail || account.identityStatus === "cancelled")
    return fail("account.email.linkInvalid");
  const email = account.pendingEmail;
  try {
    await db.$transaction(async (tx) => {
      if (!(await consumeToken(tx, row.id))) throw new Refused("conflict", "account.email.linkInvalid");
      await tx.account.update({
        where: { id: account.id },
        data: { email, emailVerifiedAt: new Date(), pendingEmail: null },
      });
    });
  } catch (e) {
    if (e instanceof Refused) return e.result;
    if (isUniqueViolation(e)) return fail("account.email.taken");
    throw e;
  }
  // The previous verified address (if any) and the new one both hear about it.
  await notifySecurityEvent(account, "emailChanged", { email: maskEmail(email) }, { email });
  return ok({ email });
}

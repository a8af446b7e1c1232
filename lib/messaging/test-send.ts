import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { fail, fieldFail, ok, type Result } from "@/lib/core/result";
import { maskEmail } from "@/lib/identity/email";
import { maskPhone, parsePhone } from "@/lib/identity/phone";
import { audit } from "@/lib/security/audit";
import { consume } from "@/lib/security/rate-limit";
import { emailProviderName, smsProviderName } from "@/lib/settings";
import { sendMessage } from "./send";

const emailSchema = z.string().trim().toLowerCase().email().max(100);

/**
 * A test SMS or e-mail from /admin/settings to a number or address the admin types, through the provider
 * in use, with the signature and the portal's address like every message. At most 5 an hour per admin
 * (each may cost money and lands on someone's phone); each try is audited with the masked recipient and
 * the outcome. A provider's refusal comes back in its own words.
 */
export async function sendTestMessage(
  actor: Actor,
  input: { channel: string; to: string },
  meta: { ip?: string | null } = {},
): Promise<Result<{ channel: "sms" | "email"; provider: string; stored: boolean }>> {
  assertCan(actor, "settings.manage");
  const channel = input.channel === "email" ? "email" : input.channel === "sms" ? "sms" : null;
  if (!channel) return fieldFail({ channel: { key: "admin.messages.test.errors.channel" } });
  let to: string;
  if (channel === "sms") {
    const phone = parsePhone(input.to ?? "");
    if (!phone.ok) return fieldFail({ to: { key: "admin.messages.test.errors.phone" } });
    to = phone.value;
  } else {
    const email = emailSchema.safeParse(input.to ?? "");
    if (!email.success) return fieldFail({ to: { key: "admin.messages.test.errors.email" } });
    to = email.data;
  }
  const key = actor.kind === "staff" ? actor.staffUserId : actor.kind === "api" ? actor.tokenId : "unknown";
  const limit = await consume("testMessagesPerStaffHour", key);
  if (!limit.ok)
    return fail("admin.messages.test.errors.tooMany", { minutes: Math.ceil(limit.retryAfterSeconds / 60) });
  const provider = channel === "sms" ? await smsProviderName() : await emailProviderName();
  const sent = await sendMessage(
    channel === "sms"
      ? { channel, to, body: "这是一条测试短信：短信通道工作正常，无需回复。" }
      : {
          channel,
          to,
          subject: "学籍自查：测试邮件 / Test e-mail",
          body:
            "这是一封测试邮件：邮件通道工作正常，无需回复。\n\n" +
            "This is a test e-mail: the e-mail channel works. No reply is needed.",
        },
  );
  await db.$transaction((tx) =>
    audit(tx, actor, {
      action: "messages.testSend",
      targetType: "settings",
      targetId: channel,
      after: {
        channel,
        to: channel === "sms" ? maskPhone(to) : maskEmail(to),
        provider,
        outcome: sent.ok ? "sent" : "failed",
        ...(sent.ok ? {} : { error: sent.error }),
      },
      ip: meta.ip,
    }),
  );
  if (!sent.ok) return fail("admin.messages.test.failed", { error: sent.error ?? "" });
  return ok({ channel, provider, stored: provider === "outbox" });
}

import "server-only";
import { db } from "@/lib/db";
import { emailProviderName, smsProviderName } from "@/lib/settings";
import { outboxProvider } from "./outbox";
import type { Channel, MessageProvider, OutgoingMessage } from "./types";

const providerOverrides: Partial<Record<Channel, MessageProvider>> = {};

/** Tests and the admin settings can swap a channel's provider. */
export function setProvider(channel: Channel, provider: MessageProvider | undefined): void {
  if (provider) providerOverrides[channel] = provider;
  else delete providerOverrides[channel];
}

async function providerFor(channel: Channel): Promise<MessageProvider> {
  const override = providerOverrides[channel];
  if (override) return override;
  // The admin's choice in /admin/settings wins over the environment default (credentials stay in the env).
  if (channel === "sms" && (await smsProviderName()) === "aliyun") {
    const { aliyunSmsProviderFromEnv } = await import("./aliyun-sms");
    return aliyunSmsProviderFromEnv();
  }
  if (channel === "email" && (await emailProviderName()) === "smtp") {
    const { smtpProviderFromEnv } = await import("./smtp");
    return smtpProviderFromEnv();
  }
  return outboxProvider;
}

/**
 * Sends through the configured provider and records every message (status, provider). A failed send is
 * recorded and reported, never thrown at the user: the caller decides what to tell them.
 */
export async function sendMessage(message: OutgoingMessage): Promise<{ ok: boolean }> {
  const provider = await providerFor(message.channel);
  let status = provider.name === "outbox" ? "stored" : "sent";
  let error: string | null = null;
  try {
    await provider.send(message);
  } catch (e) {
    status = "failed";
    error = e instanceof Error ? e.message.slice(0, 500) : "send failed";
  }
  // Only the development outbox keeps codes and links readable; a real provider's record must not let
  // anyone who can read the table use a code or a reset link meant for a student.
  const keepSecrets = provider.name === "outbox";
  await db.outboundMessage.create({
    data: {
      channel: message.channel,
      to: message.to,
      subject: message.subject ?? null,
      body: keepSecrets ? message.body : redactSecrets(message.body, message.code),
      code: keepSecrets ? (message.code ?? null) : null,
      provider: provider.name,
      status,
      error,
    },
  });
  return { ok: status !== "failed" };
}

/** Replaces the verification code and every link (reset links carry tokens) in a stored message body. */
export function redactSecrets(body: string, code: string | undefined): string {
  const withoutCode = code ? body.split(code).join("******") : body;
  return withoutCode.replace(/https?:\/\/\S+/g, "[link]");
}

import "server-only";
import { db } from "@/lib/db";
import { emailProviderName, messageSettings, smsProviderName } from "@/lib/settings";
import { outboxProvider } from "./outbox";

import { signBody } from "./templates";
import { portalAddress } from "./texts";
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
 * Sends through the configured provider and records every message (status, provider). Every text gets the
 * signature and the portal's public address (lib/messaging/templates.ts signBody). A failed send — the
 * provider refusing, or missing its settings — is recorded and reported with the provider's words, never
 * thrown at the user: the caller decides what to tell them.
 */
export async function sendMessage(unsigned: OutgoingMessage): Promise<{ ok: boolean; error?: string }> {
  const stored = await messageSettings();
  const address = await portalAddress(stored.address);
  const message = { ...unsigned, body: signBody(unsigned.channel, unsigned.body, stored.signature, address) };
  let status = "sent";
  let error: string | null = null;
  let providerName = "";
  try {
    const provider = await providerFor(message.channel);
    providerName = provider.name;
    status = provider.name === "outbox" ? "stored" : "sent";
    await provider.send(message);
  } catch (e) {
    status = "failed";
    error = e instanceof Error ? e.message.slice(0, 500) : "send failed";
    // the provider could not even be set up (missing credentials): record the one chosen
    providerName ||= message.channel === "sms" ? await smsProviderName() : await emailProviderName();
  }
  const provider = { name: providerName };
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
  return status === "failed" ? { ok: false, error: error ?? "send failed" } : { ok: true };
}

/** Replaces the verification code and every link (reset links carry tokens) in a stored message body. */
export function redactSecrets(body: string, code: string | undefined): string {
  const withoutCode = code ? body.split(code).join("******") : body;
  return withoutCode.replace(/https?:\/\/\S+/g, "[link]");
}

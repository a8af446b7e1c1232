import "server-only";
import { messageBaseUrl } from "@/lib/accounts/links";
import { messageSettings, messageTemplateOverrides, portalAddressSetting } from "@/lib/settings";
import {
  renderTemplate,
  signBody,
  TEMPLATE_LANGS,
  type TemplateKey,
  type TemplateOverrides,
} from "./templates";

/**
 * The portal's public address in messages: the admin's setting, else the configured public URL or the
 * address the server listens on (lib/accounts/links.ts messageBaseUrl) — never what a request says, so a
 * forged Host cannot put another site into a text sent to someone else.
 */
export async function portalAddress(setting?: string): Promise<string> {
  const set = setting ?? (await portalAddressSetting());
  return set || messageBaseUrl();
}

export async function templateOverrides(
  stored?: Record<string, Record<string, string>>,
): Promise<TemplateOverrides> {
  const raw = stored ?? (await messageTemplateOverrides());
  const out: TemplateOverrides = {};
  for (const [key, texts] of Object.entries(raw)) {
    const kept = Object.fromEntries(
      Object.entries(texts).filter(([lang, v]) => (TEMPLATE_LANGS as readonly string[]).includes(lang) && v),
    );
    (out as Record<string, unknown>)[key] = kept;
  }
  return out;
}

/**
 * The message texts as configured now: `render` fills a template (the admin's version or the default),
 * `sign` adds the signature and the portal's address as sendMessage does. Load once per batch.
 */
export async function messageTexts() {
  const stored = await messageSettings();
  const [overrides, address] = await Promise.all([
    templateOverrides(stored.templates),
    portalAddress(stored.address),
  ]);
  const signature = stored.signature;
  return {
    signature,
    address,
    render: (key: TemplateKey, values: Record<string, string | number> = {}) =>
      renderTemplate(overrides, key, values),
    sign: (channel: "sms" | "email", body: string) => signBody(channel, body, signature, address),
  };
}

/** One template filled in with the current settings. */
export async function renderMessage(key: TemplateKey, values: Record<string, string | number> = {}) {
  return renderTemplate(await templateOverrides(), key, values);
}

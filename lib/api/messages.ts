import "server-only";
import { createTranslator } from "next-intl";
import type { FieldErrors, Message } from "@/lib/core/result";
import { loadMessages } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/locales";

export type Translate = (key: string, params?: Record<string, string | number>) => string;

/** API clients get English unless they ask for Chinese (Accept-Language: zh…). */
export function apiLocale(request: Request): Locale {
  return /^\s*zh/i.test(request.headers.get("accept-language") ?? "") ? "zh-CN" : "en";
}

export function apiTranslator(locale: Locale): Translate {
  const t = createTranslator({
    locale,
    messages: loadMessages(locale),
    // An unknown key still tells the client something precise.
    getMessageFallback: ({ key, namespace }) => (namespace ? `${namespace}.${key}` : key),
    onError: () => undefined,
  }) as unknown as Translate;
  return (key, params) => t(key, params);
}

/** A service message as the API reports it: the stable i18n key as `code`, the text as `message`. */
export function describe(t: Translate, message: Message): { code: string; message: string } {
  return { code: message.key, message: t(message.key, message.params) };
}

export function describeFields(t: Translate, fieldErrors: FieldErrors): Record<string, string> {
  return Object.fromEntries(Object.entries(fieldErrors).map(([f, m]) => [f, t(m.key, m.params)]));
}

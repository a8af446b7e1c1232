import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { test, type Page } from "@playwright/test";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, type Locale } from "../../../lib/i18n/locales";
import type common from "../../../lib/i18n/messages/zh-CN/common.json";
import type corrections from "../../../lib/i18n/messages/zh-CN/corrections.json";
import type help from "../../../lib/i18n/messages/zh-CN/help.json";
import type home from "../../../lib/i18n/messages/zh-CN/home.json";
import type identity from "../../../lib/i18n/messages/zh-CN/identity.json";
import type meta from "../../../lib/i18n/messages/zh-CN/meta.json";
import type phoneRelease from "../../../lib/i18n/messages/zh-CN/phoneRelease.json";
import type record from "../../../lib/i18n/messages/zh-CN/record.json";
import type register from "../../../lib/i18n/messages/zh-CN/register.json";
import type signIn from "../../../lib/i18n/messages/zh-CN/signIn.json";

/**
 * The words a page shows in a given language, read from the app's own catalogues
 * (lib/i18n/messages/<locale>/<namespace>.json), so one test can run in zh-CN and in English. Typed after the
 * zh-CN files (a unit test keeps both languages' keys the same); add a namespace here when a spec needs it.
 */
export type Catalogue = {
  common: typeof common;
  corrections: typeof corrections;
  help: typeof help;
  home: typeof home;
  identity: typeof identity;
  meta: typeof meta;
  phoneRelease: typeof phoneRelease;
  record: typeof record;
  register: typeof register;
  signIn: typeof signIn;
};

const MESSAGES = path.resolve(__dirname, "../../../lib/i18n/messages");
const loaded = new Map<Locale, Catalogue>();

export function catalogueOf(locale: Locale): Catalogue {
  let messages = loaded.get(locale);
  if (!messages) {
    const dir = path.join(MESSAGES, locale);
    messages = Object.fromEntries(
      readdirSync(dir)
        .filter((file) => file.endsWith(".json"))
        .map((file) => [file.replace(/\.json$/, ""), JSON.parse(readFileSync(path.join(dir, file), "utf8"))]),
    ) as Catalogue;
    loaded.set(locale, messages);
  }
  return messages;
}

/** The running project's language (playwright.config.ts: desktop-en reads English, mobile-zh Chinese). */
export function projectLocale(): Locale {
  return test.info().project.name === "desktop-en" ? "en" : "zh-CN";
}

/** The language a page is shown in: its `locale` cookie, read as the app reads it. */
export async function pageLocale(page: Page): Promise<Locale> {
  const cookie = (await page.context().cookies()).find((c) => c.name === LOCALE_COOKIE)?.value;
  return isLocale(cookie) ? cookie : DEFAULT_LOCALE;
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * A pattern for a message whatever its placeholders hold (a date, a size, a plural): each top-level `{…}`
 * of the template matches any text, the rest literally.
 */
export function messagePattern(template: string): RegExp {
  let pattern = "";
  let depth = 0;
  for (const char of template) {
    if (char === "{") {
      if (depth === 0) pattern += ".+?";
      depth++;
    } else if (char === "}") depth--;
    else if (depth === 0) pattern += escapeRegExp(char);
  }
  return new RegExp(pattern);
}

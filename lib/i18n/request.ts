import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, type Locale } from "./locales";
import { loadMessages } from "./messages";

/**
 * The locale is a cookie set by the language switch. Without one the product speaks Chinese, whatever the
 * browser's Accept-Language says (many students' phones are set to English).
 */
export async function currentLocale(): Promise<Locale> {
  const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  return isLocale(fromCookie) ? fromCookie : DEFAULT_LOCALE;
}

export default getRequestConfig(async () => {
  const locale = await currentLocale();
  return { locale, messages: loadMessages(locale), timeZone: "Asia/Shanghai" };
});

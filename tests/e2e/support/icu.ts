import { createTranslator } from "next-intl";

/**
 * A catalogue message with its placeholders filled as the app fills them (ICU: plural forms included), so a
 * test can expect the exact text a person reads.
 */
export function formatMessage(
  template: string,
  params: Record<string, string | number>,
  locale = "zh-CN",
): string {
  const t = createTranslator({ locale, messages: { message: template } });
  return t("message", params);
}

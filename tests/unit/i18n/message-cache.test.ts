import { describe, expect, it } from "vitest";
import { _createCache, _createIntlFormatters, createTranslator } from "use-intl/core";

/**
 * use-intl is patched (patches/use-intl+4.14.8.patch) to look a compiled message up by its text, locale and
 * time zone before its memoizer serialises the formats into a key on every call. A cache is shared by every
 * translator of the process on the server (patches/next-intl+4.14.8.patch), so the lookup must tell apart
 * what changes the output.
 */
describe("compiled messages shared through one cache", () => {
  const cache = _createCache();
  const formatters = _createIntlFormatters(cache);
  const at = new Date("2026-12-07T02:30:00Z");
  const make = (locale: string, timeZone: string, message: string) =>
    createTranslator({
      locale,
      timeZone,
      messages: { m: message },
      _cache: cache,
      _formatters: formatters,
    }) as unknown as (key: string, values: Record<string, unknown>) => string;

  it("keeps the time zone, the locale and the values of each call apart", () => {
    const message = "{at, time, short} · {count, plural, one {# item} other {# items}}";
    expect(make("en", "Asia/Shanghai", message)("m", { at, count: 1 })).toBe("10:30 AM · 1 item");
    expect(make("en", "UTC", message)("m", { at, count: 2 })).toBe("2:30 AM · 2 items");
    expect(make("en", "Asia/Shanghai", message)("m", { at, count: 3 })).toBe("10:30 AM · 3 items");
    expect(make("zh-CN", "Asia/Shanghai", "{at, time, short}")("m", { at })).toBe("10:30");
    expect(make("en", "Asia/Shanghai", "{at, time, short}")("m", { at })).toBe("10:30 AM");
  });

  it("formats a message with formats of its own as before", () => {
    const t = createTranslator({
      locale: "en",
      timeZone: "UTC",
      messages: { m: "{n, number, precise}" },
      formats: { number: { precise: { maximumFractionDigits: 3 } } },
      _cache: cache,
      _formatters: formatters,
    }) as unknown as (key: string, values: Record<string, unknown>) => string;
    expect(t("m", { n: 1.23456 })).toBe("1.235");
  });
});

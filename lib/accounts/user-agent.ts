/**
 * A short, readable device description for the login log ("Chrome · Android"), from the user agent. Not a
 * fingerprint: just enough for a student to recognise their own phone.
 */
export function describeUserAgent(ua: string | null | undefined): string {
  if (!ua) return "—";
  const os = /HarmonyOS|OpenHarmony/i.test(ua)
    ? "HarmonyOS"
    : /Android/i.test(ua)
      ? "Android"
      : /iPhone|iPad|iPod/i.test(ua)
        ? "iOS"
        : /Windows/i.test(ua)
          ? "Windows"
          : /Mac OS X|Macintosh/i.test(ua)
            ? "macOS"
            : /Linux/i.test(ua)
              ? "Linux"
              : null;
  const browser = /MicroMessenger/i.test(ua)
    ? "WeChat"
    : /AlipayClient/i.test(ua)
      ? "Alipay"
      : /Edg\//.test(ua)
        ? "Edge"
        : /OPR\/|Opera/.test(ua)
          ? "Opera"
          : /(Chrome|Chromium|CriOS)\//.test(ua)
            ? "Chrome"
            : /Firefox\/|FxiOS/.test(ua)
              ? "Firefox"
              : /Safari\//.test(ua)
                ? "Safari"
                : null;
  const parts = [browser, os].filter(Boolean);
  return parts.length ? parts.join(" · ") : ua.slice(0, 40);
}

/**
 * The one check for "where to go after sign-in" (`next`, next-auth's callbackUrl, the external sign-in's
 * saved next): only a path on this site is followed. "/record" and "/account#external" yes;
 * "//evil.example", "/\evil.example", "/%5Cevil.example", "/\t/evil.example", "https://…" no.
 *
 * Browsers treat "\" like "/" and drop tabs and newlines inside URLs, so "/\evil" and "/<TAB>/evil" become
 * "//evil" — another host. Such characters are refused raw and in their %-encoded forms (a value may be
 * decoded once more by whoever reads it), and the survivor is parsed against a fixed origin: it must stay
 * on that origin with a path that starts with exactly one "/".
 */
const PROBE_ORIGIN = "http://self.invalid";
const MAX_LENGTH = 200;
/** backslash, any control or whitespace character (C0, DEL, C1, Unicode spaces) */
const HOSTILE = /[\\\s\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\ufeff]/u;

function looksHostile(value: string): boolean {
  return !value.startsWith("/") || value.startsWith("//") || HOSTILE.test(value);
}

export function safeNextPath(next: string | null | undefined): string | undefined {
  if (typeof next !== "string" || next.length === 0 || next.length > MAX_LENGTH) return undefined;
  // The raw value and up to two rounds of %-decoding must all look like a plain local path.
  let layer = next;
  for (let round = 0; round < 3; round++) {
    if (looksHostile(layer)) return undefined;
    let decoded: string;
    try {
      decoded = decodeURIComponent(layer);
    } catch {
      return undefined; // a broken %-sequence is not a path we produced
    }
    if (decoded === layer) break;
    layer = decoded;
  }
  let url: URL;
  try {
    url = new URL(next, PROBE_ORIGIN);
  } catch {
    return undefined;
  }
  if (url.origin !== PROBE_ORIGIN || !url.pathname.startsWith("/") || url.pathname.startsWith("//")) {
    return undefined;
  }
  return `${url.pathname}${url.search}${url.hash}`;
}

/**
 * next-auth's redirect callback: a path or an absolute URL on `baseUrl` is followed when its path passes
 * safeNextPath; anything else lands on the site's root.
 */
export function safeRedirectUrl(url: string, baseUrl: string): string {
  const base = new URL(baseUrl);
  let path: string | undefined;
  if (url.startsWith("/")) path = safeNextPath(url);
  else {
    try {
      const target = new URL(url);
      if (target.origin === base.origin)
        path = safeNextPath(`${target.pathname}${target.search}${target.hash}`);
    } catch {
      path = undefined;
    }
  }
  return new URL(path ?? "/", base.origin).toString();
}

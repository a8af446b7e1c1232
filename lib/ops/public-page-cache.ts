import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE } from "../i18n/locales";

/**
 * The pages a visitor sees before signing in that are the same for everyone (the home page, the help page,
 * the students' sign-in page): scripts/serve.ts keeps each rendered answer for a few seconds per language
 * and serves it again without rendering. At the start of a campaign evening most requests are these pages.
 *
 * Only a request that cannot be personal is served from or stored in the cache: GET, one of the paths below
 * with no query string, not a client-side navigation (RSC headers), and no cookie but the language and
 * next-auth's sign-in-form cookies — a session cookie, valid or not, always gets the page rendered for it.
 * Only a 200 without Set-Cookie is kept. What the pages show that can change — the school's name and
 * contacts (settings) and the open campaigns — is forgotten at once when it is saved through this process
 * (lib/settings.ts, lib/progress/campaign.ts call `forgetPublicPages`); other instances show it within
 * `PUBLIC_PAGE_SECONDS`, as they already do for those values' own 10-second caches.
 */
export const PUBLIC_PAGE_SECONDS = 10;
/**
 * "same": one answer per language. "variant": the answer also depends on something the app decides about
 * the visitor (the sign-in page shows a captcha to an address that failed 3 times): the app registers how
 * to tell (`registerPublicPageVariant`), and until it has, that page is always rendered.
 */
const PUBLIC_PAGES: Record<string, "same" | "variant"> = {
  "/": "same",
  "/help": "same",
  "/login": "variant",
};

/** The variant of a page for this request, or null when this visitor's page must be rendered for them. */
export type PublicPageVariant = (req: IncomingMessage) => Promise<string | null>;
/** Cookies that do not change what these pages show. */
const NEUTRAL_COOKIES = new Set([
  LOCALE_COOKIE,
  "next-auth.csrf-token",
  "__Host-next-auth.csrf-token",
  "next-auth.callback-url",
  "__Secure-next-auth.callback-url",
]);
/** Headers of the stored answer that belong to one request, not to the page. */
const PER_REQUEST_HEADERS = new Set([
  "date",
  "x-request-id",
  "connection",
  "keep-alive",
  "transfer-encoding",
]);
const MAX_BYTES = 512 * 1024;

type Entry = { until: number; status: number; headers: OutgoingHttpHeaders; body: Buffer };

// Shared through the process's global object: serve.ts and the app's bundle load this module separately,
// and a write in the app must empty the cache serve.ts reads.
const STORE_KEY = Symbol.for("xueji.publicPageCache");
const VARIANTS_KEY = Symbol.for("xueji.publicPageVariants");
type Shared = { [STORE_KEY]?: Map<string, Entry>; [VARIANTS_KEY]?: Map<string, PublicPageVariant> };
const store = () => ((globalThis as Shared)[STORE_KEY] ??= new Map());
const variants = () => ((globalThis as Shared)[VARIANTS_KEY] ??= new Map());

export function registerPublicPageVariant(path: string, variant: PublicPageVariant): void {
  variants().set(path, variant);
}

export function forgetPublicPages(): void {
  store().clear();
}

function cookieNames(header: string | undefined): { names: string[]; locale: string } {
  const names: string[] = [];
  let locale: string = DEFAULT_LOCALE;
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    const name = (eq === -1 ? part : part.slice(0, eq)).trim();
    if (!name) continue;
    names.push(name);
    if (name === LOCALE_COOKIE) {
      const value = part.slice(eq + 1).trim();
      locale = isLocale(value) ? value : DEFAULT_LOCALE;
    }
  }
  return { names, locale };
}

/** The cache key of a request that may be served from the cache, or null. */
export async function publicPageKey(req: IncomingMessage): Promise<string | null> {
  const page = req.method === "GET" && req.url ? PUBLIC_PAGES[req.url] : undefined;
  if (!page || !req.url) return null;
  const h = req.headers;
  if (h.rsc || h["next-router-prefetch"] || h["next-router-state-tree"] || h["next-action"]) return null;
  const { names, locale } = cookieNames(h.cookie);
  if (names.some((n) => !NEUTRAL_COOKIES.has(n))) return null;
  let variant = "";
  if (page === "variant") {
    const of = variants().get(req.url);
    const v = of ? await of(req) : null;
    if (v === null) return null;
    variant = v;
  }
  // Next compresses for clients that ask: the stored bytes are only for clients that asked the same.
  return `${req.url}|${locale}|${variant}|${String(h["accept-encoding"] ?? "")}`;
}

/**
 * Answers the request from the cache when it can (true), otherwise, for a request that may be cached,
 * records the answer the app writes so the next visitor gets it. Call before handing the request to Next.
 */
export async function servePublicPage(
  req: IncomingMessage,
  res: ServerResponse,
  now = Date.now(),
): Promise<boolean> {
  const key = await publicPageKey(req);
  if (key === null) return false;
  const cache = store();
  const hit = cache.get(key);
  if (hit && hit.until > now) {
    res.writeHead(hit.status, { ...hit.headers, "content-length": hit.body.length });
    res.end(hit.body);
    return true;
  }
  if (hit) cache.delete(key);
  record(res, (entry) => cache.set(key, { ...entry, until: now + PUBLIC_PAGE_SECONDS * 1000 }));
  return false;
}

function record(res: ServerResponse, keep: (entry: Omit<Entry, "until">) => void): void {
  const chunks: Buffer[] = [];
  let bytes = 0;
  let tooLarge = false;
  const collect = (chunk: unknown, encoding?: unknown) => {
    if (tooLarge || chunk == null || typeof chunk === "function") return;
    const buffer =
      typeof chunk === "string"
        ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8")
        : Buffer.from(chunk as Uint8Array);
    bytes += buffer.length;
    if (bytes > MAX_BYTES) tooLarge = true;
    else chunks.push(buffer);
  };
  const write = res.write;
  const end = res.end;
  res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
    collect(chunk, rest[0]);
    return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
  } as typeof res.write;
  res.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
    collect(chunk, rest[0]);
    if (!tooLarge && res.statusCode === 200 && !res.hasHeader("set-cookie")) {
      const headers: OutgoingHttpHeaders = {};
      for (const [name, value] of Object.entries(res.getHeaders()))
        if (!PER_REQUEST_HEADERS.has(name) && name !== "content-length" && value !== undefined)
          headers[name] = value;
      keep({ status: 200, headers, body: Buffer.concat(chunks) });
    }
    return (end as (...args: unknown[]) => ServerResponse).call(this, chunk, ...rest);
  } as typeof res.end;
}

import type { IncomingMessage, ServerResponse } from "node:http";
import en from "../i18n/messages/en/unavailable.json";
import zh from "../i18n/messages/zh-CN/unavailable.json";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, type Locale } from "../i18n/locales";
import { databaseRecentlyUnavailable } from "../db/availability";

const TEXT: Record<Locale, typeof zh> = { "zh-CN": zh, en };

const escape = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] as string);

function localeOf(req: IncomingMessage): Locale {
  const cookie = String(req.headers.cookie ?? "")
    .split(";")
    .map((c) => c.trim().split("="))
    .find(([name]) => name === LOCALE_COOKIE)?.[1];
  return isLocale(cookie) ? cookie : DEFAULT_LOCALE;
}

/**
 * The "please try again" page served while the database is unreachable: static HTML in the reader's
 * language with the other language below, readable without JavaScript and without the app (which cannot
 * render a page at that moment), no error detail. The retry link is the same address by GET.
 */
export function outagePage(locale: Locale): string {
  const other: Locale = locale === "en" ? "zh-CN" : "en";
  const block = (l: Locale, main: boolean) => `
  <section lang="${l}" style="max-width:32rem;margin:${main ? "0 auto" : "1.5rem auto 0"};padding:1.5rem;background:#fff;border-radius:.75rem;box-shadow:0 1px 2px rgba(0,0,0,.08);text-align:center${main ? "" : ";opacity:.85"}">
    <h${main ? 1 : 2} style="font-size:${main ? "1.25rem" : "1.05rem"};margin:0 0 .5rem">${escape(TEXT[l].title)}</h${main ? 1 : 2}>
    <p style="color:#475569;margin:0 0 1rem;line-height:1.6">${escape(TEXT[l].body)}</p>
    ${main ? `<a href="" style="display:inline-block;min-height:2.75rem;line-height:2.75rem;padding:0 1rem;border-radius:.5rem;background:#17449e;color:#fff;font-weight:600;text-decoration:none">${escape(TEXT[l].retry)}</a>` : ""}
  </section>`;
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>${escape(TEXT[locale].title)}</title></head>
<body style="margin:0;padding:2.5rem 1rem;background:#f1f5f9;color:#0f172a;font-family:system-ui,-apple-system,'PingFang SC','Microsoft YaHei','Noto Sans CJK SC',sans-serif">${block(locale, true)}${block(other, false)}
</body></html>`;
}

/**
 * While the database is unreachable (a restart, a failover) the app fails each page and form with a 500.
 * Such an answer is replaced, before anything of it is sent, by the outage page as 503 with Retry-After,
 * so people see "please try again" and balancers and monitors see a temporary outage, not a defect.
 * Other 500s are left to the app (app/error.tsx).
 */
export function answerOutageAs503(req: IncomingMessage, res: ServerResponse): void {
  const { writeHead, write, end } = res;
  const removeHeader = res.removeHeader;
  let replaced = false;
  /** true while the outage page itself is written (Node's writeHead calls setHeader) */
  let sending = false;
  const replace = (status: number): boolean => {
    if (replaced) return true;
    if (status < 500 || res.headersSent || !databaseRecentlyUnavailable()) return false;
    replaced = true;
    // API clients get JSON they can act on; people get the page
    const api = (req.url ?? "").startsWith("/api/");
    const body = api
      ? JSON.stringify({ error: "service_unavailable", retryAfterSeconds: 5 })
      : outagePage(localeOf(req));
    sending = true;
    try {
      for (const name of res.getHeaderNames()) if (name !== "set-cookie") removeHeader.call(res, name);
      writeHead.call(res, 503, {
        "content-type": api ? "application/json" : "text/html; charset=utf-8",
        "content-length": Buffer.byteLength(body),
        "cache-control": "no-store",
        "retry-after": "5",
      });
      (end as (chunk: string) => ServerResponse).call(res, body);
    } finally {
      sending = false;
    }
    return true;
  };
  // the app goes on answering after the page was sent: its header calls then change nothing
  for (const method of ["setHeader", "appendHeader", "removeHeader", "flushHeaders"] as const) {
    const original = res[method] as (...a: unknown[]) => unknown;
    (res[method] as unknown) = function (this: ServerResponse, ...args: unknown[]) {
      return replaced && !sending ? this : original.apply(this, args);
    };
  }
  const callbackOf = (args: unknown[]) => args.find((a): a is () => void => typeof a === "function");
  res.writeHead = function (this: ServerResponse, ...args: Parameters<ServerResponse["writeHead"]>) {
    if (replace(typeof args[0] === "number" ? args[0] : this.statusCode)) return this;
    return writeHead.apply(this, args);
  } as ServerResponse["writeHead"];
  res.write = function (this: ServerResponse, ...args: unknown[]) {
    if (replace(this.statusCode)) {
      callbackOf(args)?.();
      return true;
    }
    return (write as (...a: unknown[]) => boolean).apply(this, args);
  } as ServerResponse["write"];
  res.end = function (this: ServerResponse, ...args: unknown[]) {
    if (replace(this.statusCode)) {
      callbackOf(args)?.();
      return this;
    }
    return (end as (...a: unknown[]) => ServerResponse).apply(this, args);
  } as ServerResponse["end"];
}

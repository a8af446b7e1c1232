import en from "@/lib/i18n/messages/en/unavailable.json";
import zh from "@/lib/i18n/messages/zh-CN/unavailable.json";

export type UnavailableText = typeof zh;
export const UNAVAILABLE_TEXT: Record<"zh-CN" | "en", UnavailableText> = { "zh-CN": zh, en };

/**
 * "Please try again": what the error pages (app/error.tsx, app/global-error.tsx) show when a page or a
 * form could not be served — typically the database restarting. No error detail: the server logs it.
 * The retry link reloads the address by a plain GET, so it works without JavaScript too.
 */
export function Unavailable({ text, lang }: { text: UnavailableText; lang?: string }) {
  return (
    <section
      lang={lang}
      role="alert"
      className="mx-auto max-w-lg rounded-xl bg-white p-5 text-center shadow-sm ring-1 ring-slate-200 sm:p-6"
    >
      <h1 className="text-xl font-bold">{text.title}</h1>
      <p className="mt-2 text-slate-600">{text.body}</p>
      <a
        href=""
        className="mt-4 inline-flex min-h-11 items-center rounded-lg bg-brand-700 px-4 font-semibold text-white hover:bg-brand-800"
      >
        {text.retry}
      </a>
    </section>
  );
}

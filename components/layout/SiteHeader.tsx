import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/current";
import { unreadCount } from "@/lib/messaging/inbox";
import { schoolName } from "@/lib/settings";
import { LanguageSwitch } from "./LanguageSwitch";
import { navItemsFor } from "./navigation";

/** The layout passes its two server actions in: sign out, and remember a language. */
export async function SiteHeader({
  signOut,
  setLocale,
}: {
  signOut: () => Promise<void>;
  setLocale: (formData: FormData) => Promise<void>;
}) {
  const t = await getTranslations("common");
  const actor = await getActor();
  const items = navItemsFor(actor);
  const recipient =
    actor?.kind === "student"
      ? { accountId: actor.accountId }
      : actor?.kind === "staff"
        ? { staffUserId: actor.staffUserId }
        : null;
  const unread = recipient ? await unreadCount(recipient) : 0;
  const school = await schoolName();

  return (
    <header className="bg-brand-900 text-white">
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-3 px-4 py-3">
        <Link href="/" className="flex min-w-0 items-center gap-2.5">
          <span
            aria-hidden="true"
            className="grid size-9 shrink-0 place-items-center rounded-lg bg-white text-lg font-black text-brand-900"
          >
            籍
          </span>
          <span className="min-w-0">
            {/* wraps rather than cut off: "Record Self-Check" beside the buttons at 360 px */}
            <span className="block text-[0.9375rem] font-bold leading-tight text-balance sm:text-base">
              {t("appName")}
            </span>
            <span className="block truncate text-xs text-brand-100">{school}</span>
          </span>
        </Link>
        <div className="flex shrink-0 items-center gap-1.5 sm:gap-2">
          <Link
            href="/help"
            className="flex min-h-9 items-center whitespace-nowrap rounded-md px-2 text-xs font-semibold text-white hover:bg-white/10"
          >
            {t("nav.help")}
          </Link>
          <LanguageSwitch setLocale={setLocale} />
          {actor ? (
            <form action={signOut}>
              <button
                type="submit"
                className="min-h-9 whitespace-nowrap rounded-md px-2.5 text-xs font-semibold text-white ring-1 ring-white/40 hover:bg-white/10"
              >
                {t("actions.signOut")}
              </button>
            </form>
          ) : null}
        </div>
      </div>
      {actor ? (
        <nav aria-label={t("nav.main")} className="border-t border-white/10 bg-brand-800">
          <ul className="mx-auto flex max-w-6xl gap-1 overflow-x-auto px-2 sm:px-4">
            {items.map((item) => (
              <li key={item.href} className="shrink-0">
                <Link href={item.href} className="site-nav-link">
                  {t(item.labelKey)}
                  {item.badge === "inbox" && unread > 0 ? (
                    <span
                      className="rounded-full bg-amber-400 px-1.5 text-xs font-bold text-ink"
                      aria-label={t("unread", { count: unread })}
                    >
                      {unread}
                    </span>
                  ) : null}
                </Link>
              </li>
            ))}
            {actor.kind === "staff" ? (
              <li className="ml-auto hidden shrink-0 items-center px-3 text-xs text-brand-100 sm:flex">
                {actor.displayName}
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
    </header>
  );
}

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
    <header className="site-header">
      <div className="site-header-bar">
        <Link href="/" className="site-brand">
          <span aria-hidden="true" className="site-logo">
            籍
          </span>
          <span className="min-w-0">
            {/* wraps rather than cut off: "Record Self-Check" beside the buttons at 360 px */}
            <span className="site-title">{t("appName")}</span>
            <span className="site-school">{school}</span>
          </span>
        </Link>
        <div className="site-header-actions">
          <Link href="/help" className="header-button header-button--link">
            {t("nav.help")}
          </Link>
          <LanguageSwitch setLocale={setLocale} />
          {actor ? (
            <form action={signOut}>
              <button type="submit" className="header-button header-button--outline">
                {t("actions.signOut")}
              </button>
            </form>
          ) : null}
        </div>
      </div>
      {actor ? (
        <nav aria-label={t("nav.main")} className="site-nav">
          <ul className="site-nav-list">
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
            {actor.kind === "staff" ? <li className="site-nav-user">{actor.displayName}</li> : null}
          </ul>
        </nav>
      ) : null}
    </header>
  );
}

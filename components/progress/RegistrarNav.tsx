import Link from "next/link";
import { getTranslations } from "next-intl/server";

const ITEMS = [
  { href: "/registrar", key: "overview" },
  { href: "/registrar/import", key: "import" },
  { href: "/registrar/campaigns", key: "campaigns" },
  { href: "/registrar/exports", key: "exports" },
  { href: "/registrar/graduation-lock", key: "graduationLock" },
  { href: "/registrar/organisation", key: "organisation" },
  { href: "/registrar/corrections", key: "corrections" },
  { href: "/registrar/closures", key: "closures" },
  { href: "/college", key: "notChecked" },
] as const;

/**
 * Section links of the registrar's desk; `current` marks the page (aria-current), which also picks its
 * style (.desk-tab in app/globals.css: nine links of long class strings were 5 KB of every desk page).
 */
export async function RegistrarNav({ current }: { current: (typeof ITEMS)[number]["key"] }) {
  const t = await getTranslations("registrar.nav");
  return (
    <nav aria-label={t("label")} className="mb-6">
      {/* Wrapping pills on a phone (nothing hidden off-screen), underlined tabs from 640 px. */}
      <ul className="flex flex-wrap gap-2 sm:gap-1 sm:border-b sm:border-slate-200">
        {ITEMS.map((item) => (
          <li key={item.key}>
            <Link
              href={item.href}
              aria-current={item.key === current ? "page" : undefined}
              className="desk-tab"
            >
              {t(item.key)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

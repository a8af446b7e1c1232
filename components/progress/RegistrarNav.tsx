import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { cn } from "@/components/ui/cn";

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

/** Section links of the registrar's desk; `current` marks the page (aria-current). */
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
              className={cn(
                "inline-flex min-h-10 items-center whitespace-nowrap rounded-full px-3.5 text-sm font-medium ring-1 ring-inset",
                "sm:-mb-px sm:min-h-0 sm:rounded-none sm:border-b-2 sm:px-3 sm:py-2.5 sm:ring-0",
                item.key === current
                  ? "bg-brand-700 text-white ring-brand-700 sm:border-brand-700 sm:bg-transparent sm:text-brand-800"
                  : "bg-white text-slate-700 ring-slate-300 hover:text-brand-800 sm:border-transparent sm:bg-transparent sm:text-slate-600",
              )}
            >
              {t(item.key)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

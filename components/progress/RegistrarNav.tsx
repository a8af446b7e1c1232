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
  { href: "/college", key: "notChecked" },
] as const;

/** Section links of the registrar's desk; `current` marks the page (aria-current). */
export async function RegistrarNav({ current }: { current: (typeof ITEMS)[number]["key"] }) {
  const t = await getTranslations("registrar.nav");
  return (
    <nav aria-label={t("label")} className="mb-6 overflow-x-auto">
      <ul className="flex min-w-max gap-1 border-b border-slate-200">
        {ITEMS.map((item) => (
          <li key={item.key}>
            <Link
              href={item.href}
              aria-current={item.key === current ? "page" : undefined}
              className={cn(
                "-mb-px inline-block border-b-2 px-3 py-2.5 text-sm font-medium",
                item.key === current
                  ? "border-brand-700 text-brand-800"
                  : "border-transparent text-slate-600 hover:text-brand-800",
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

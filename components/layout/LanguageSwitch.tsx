import { getLocale, getTranslations } from "next-intl/server";
import { cn } from "@/components/ui/cn";

/**
 * Works without JavaScript: each language is a submit button of a tiny form. `setLocale` is the layout's
 * server action that remembers the choice.
 */
export async function LanguageSwitch({ setLocale }: { setLocale: (formData: FormData) => Promise<void> }) {
  const t = await getTranslations("common.language");
  const locale = await getLocale();
  const options = [
    { value: "zh-CN", label: t("zh"), lang: "zh-CN" },
    { value: "en", label: t("en"), lang: "en" },
  ];
  return (
    <form action={setLocale} className="flex items-center" aria-label={t("label")}>
      <div role="group" aria-label={t("label")} className="flex rounded-lg bg-white/10 p-0.5">
        {options.map((o) => (
          <button
            key={o.value}
            type="submit"
            name="locale"
            value={o.value}
            lang={o.lang}
            aria-pressed={locale === o.value}
            className={cn(
              "min-h-9 whitespace-nowrap rounded-md px-2.5 text-xs font-semibold",
              // On a phone only the other language is offered, so the header title keeps its room.
              locale === o.value ? "hidden bg-white text-brand-900 sm:block" : "text-white hover:bg-white/15",
            )}
          >
            {o.label}
          </button>
        ))}
      </div>
    </form>
  );
}

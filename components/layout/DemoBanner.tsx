import { getTranslations } from "next-intl/server";

/** Shown on every page in demo mode (not APP_MODE=production): nobody mistakes the demo for the real portal. */
export async function DemoBanner() {
  const t = await getTranslations("common.demoBanner");
  return (
    <div role="note" data-demo-banner className="border-b border-amber-300 bg-amber-100 text-amber-950">
      <p className="mx-auto max-w-6xl px-4 py-1.5 text-xs leading-snug sm:text-sm">
        <strong className="mr-1.5 rounded bg-amber-950 px-1.5 py-0.5 font-bold text-amber-50">
          {t("title")}
        </strong>
        {t("body")}
      </p>
    </div>
  );
}

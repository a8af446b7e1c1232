import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { schoolName } from "@/lib/settings";

export async function SiteFooter() {
  const t = await getTranslations("common.footer");
  const school = await schoolName();
  return (
    <footer className="border-t border-slate-200 bg-white">
      <div className="mx-auto max-w-6xl space-y-1 px-4 py-5 text-xs leading-relaxed text-slate-600">
        <p>{t("privacy")}</p>
        <p>
          {t("help")}{" "}
          <Link href="/help" className="font-semibold text-brand-700 underline underline-offset-4">
            {t("helpLink")}
          </Link>
        </p>
        <p>
          © {new Date().getFullYear()} {school}
        </p>
      </div>
    </footer>
  );
}

"use client";

import { useTranslations } from "next-intl";

/** The plain notice shown before the separate consent to sensitive personal information (PIPL art. 28–30). */
export function PrivacyNotice({ id = "privacy-notice" }: { id?: string }) {
  const t = useTranslations("register.privacy");
  return (
    <div
      id={id}
      className="rounded-lg bg-slate-50 p-4 text-sm leading-relaxed text-slate-700 ring-1 ring-slate-200"
    >
      <h3 className="font-semibold text-ink">{t("title")}</h3>
      <p className="mt-1.5">{t("intro")}</p>
      <ul className="mt-2 list-disc space-y-1.5 pl-5">
        <li>{t("purpose")}</li>
        <li>{t("recipients")}</li>
        <li>{t("security")}</li>
        <li>{t("retention")}</li>
        <li>{t("rights")}</li>
      </ul>
    </div>
  );
}

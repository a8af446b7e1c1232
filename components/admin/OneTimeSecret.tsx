"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";

/**
 * A secret shown exactly once (initial password, API token): selectable text, a copy button, and a plain
 * warning that it cannot be shown again.
 */
export function OneTimeSecret({ label, value, testId }: { label: string; value: string; testId?: string }) {
  const t = useTranslations("admin.secret");
  const [copied, setCopied] = useState(false);
  return (
    <div className="rounded-lg bg-amber-50 p-4 ring-1 ring-inset ring-amber-300" role="status">
      <p className="text-sm font-semibold text-amber-950">{label}</p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <code
          data-testid={testId}
          className="min-w-0 select-all break-all rounded-md bg-white px-3 py-2 font-mono text-sm text-ink ring-1 ring-amber-300"
        >
          {value}
        </code>
        <button
          type="button"
          onClick={() => {
            void navigator.clipboard?.writeText(value).then(() => setCopied(true));
          }}
          className="min-h-11 rounded-lg bg-white px-3 text-sm font-semibold text-brand-800 ring-1 ring-inset ring-slate-300 hover:bg-slate-50"
        >
          {copied ? t("copied") : t("copy")}
        </button>
      </div>
      <p className="mt-2 text-xs text-amber-900">{t("once")}</p>
    </div>
  );
}

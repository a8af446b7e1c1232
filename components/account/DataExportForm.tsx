import { getTranslations } from "next-intl/server";
import type { ExportFailure } from "@/lib/privacy/export-failure";
import { Button } from "@/components/ui/Button";
import { TextField } from "@/components/ui/Field";

/**
 * 下载我的数据: a plain form POST to the download route (works without JavaScript; the answer is the zip).
 * A refusal comes back as /account?export=<code>, shown at the password field.
 */
export async function DataExportForm({ failure }: { failure: ExportFailure | null }) {
  const t = await getTranslations("privacy.export");
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-700">{t("contents")}</p>
      <p className="text-sm text-slate-700">{t("keepSafe")}</p>
      <form method="post" action="/account/data-export" className="space-y-4" aria-label={t("title")}>
        <TextField
          id="export-password"
          name="currentPassword"
          type="password"
          label={t("password")}
          autoComplete="current-password"
          error={failure ? t(`errors.${failure}`) : undefined}
          required
        />
        <Button type="submit">{t("submit")}</Button>
      </form>
    </div>
  );
}

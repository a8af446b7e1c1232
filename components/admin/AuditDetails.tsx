import { getTranslations } from "next-intl/server";
import { readableJson } from "@/lib/admin/audit-scrub";

/** Before/after of one audit entry, pretty-printed and masked, folded away until asked for. */
export async function AuditDetails({ before, after }: { before: string | null; after: string | null }) {
  const t = await getTranslations("admin.audit");
  if (!before && !after) return <span className="text-slate-400">—</span>;
  return (
    <details className="group">
      <summary className="cursor-pointer text-sm font-semibold text-brand-700 underline-offset-4 hover:underline">
        {t("details")}
      </summary>
      <div className="mt-2 grid gap-2 lg:grid-cols-2">
        {before ? (
          <div>
            <p className="text-xs font-semibold text-slate-600">{t("before")}</p>
            <pre className="mt-1 max-h-64 overflow-auto whitespace-pre-wrap break-all rounded-md bg-slate-50 p-2 font-mono text-xs ring-1 ring-slate-200">
              {readableJson(before)}
            </pre>
          </div>
        ) : null}
        {after ? (
          <div>
            <p className="text-xs font-semibold text-slate-600">{t("after")}</p>
            <pre className="mt-1 max-h-64 overflow-auto whitespace-pre-wrap break-all rounded-md bg-slate-50 p-2 font-mono text-xs ring-1 ring-slate-200">
              {readableJson(after)}
            </pre>
          </div>
        ) : null}
      </div>
    </details>
  );
}

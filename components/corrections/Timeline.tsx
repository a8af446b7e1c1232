import { getTranslations } from "next-intl/server";
import type { RequestDetail } from "@/lib/corrections/queries";
import { formatDateTime } from "@/lib/i18n/format";

/** 办理进度: the steps a request went through, with their times and notes. */
export async function Timeline({ request }: { request: RequestDetail }) {
  const t = await getTranslations("corrections");
  const provincial = request.route === "provincial";
  const steps: {
    key: string;
    label: string;
    at: Date | null;
    note?: string | null;
    reference?: string | null;
  }[] = [{ key: "submitted", label: t("detail.steps.submitted"), at: request.createdAt }];
  if (request.withdrawnAt)
    steps.push({ key: "withdrawn", label: t("detail.steps.withdrawn"), at: request.withdrawnAt });
  else {
    steps.push({
      key: "college",
      label: t("detail.steps.college"),
      at: request.collegeDecidedAt,
      note: request.collegeNote,
    });
    if (request.status !== "college_rejected") {
      steps.push({
        key: "registrar",
        label: t(provincial ? "detail.steps.provincial" : "detail.steps.registrar"),
        at: request.registrarDecidedAt,
        note: request.registrarNote,
        reference: request.provincialRef,
      });
    }
  }
  return (
    <ol className="space-y-3 border-l-2 border-slate-200 pl-4">
      {steps.map((s) => (
        <li key={s.key} className="relative">
          <span
            aria-hidden="true"
            className={`absolute top-1.5 -left-[1.4rem] size-3 rounded-full ${s.at ? "bg-brand-700" : "bg-slate-300"}`}
          />
          <p className={`text-sm font-medium ${s.at ? "text-ink" : "text-slate-600"}`}>{s.label}</p>
          <p className="text-xs text-slate-600">{s.at ? formatDateTime(s.at) : t("decision.pending")}</p>
          {s.reference ? (
            <p className="mt-0.5 text-sm text-slate-700">
              {t("detail.provincialRef", { reference: s.reference })}
            </p>
          ) : null}
          {s.note ? (
            <p className="mt-0.5 text-sm text-slate-700">{t("detail.noteWith", { note: s.note })}</p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

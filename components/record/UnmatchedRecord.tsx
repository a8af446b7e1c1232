import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { helpHref } from "@/lib/help/topics";
import { formatDateTime } from "@/lib/i18n/format";
import type { RecordPage } from "@/lib/records/student-page";
import type { BindingRequestAction } from "@/lib/records/form-states";
import { Alert } from "@/components/ui/Alert";
import { Badge } from "@/components/ui/Badge";
import { Card } from "@/components/ui/Card";
import { BindingForm } from "./BindingForm";
import { ClientMessages } from "@/components/i18n/ClientMessages";

type Page = Extract<RecordPage, { kind: "unmatched" }>;

/**
 * No record matched (SPEC §4.1): say why in the national site's words, show what the account holds (ID
 * number masked), who to contact, and offer 尝试绑定学籍.
 */
export async function UnmatchedRecord({ page, bind }: { page: Page; bind: BindingRequestAction }) {
  const t = await getTranslations("record");
  const { account, contact, bindings } = page;
  const contactRows = (["phone", "office", "email", "hours"] as const).filter((k) => contact[k]);
  return (
    <div className="grid gap-6 lg:grid-cols-5">
      <div className="space-y-6 lg:col-span-3">
        <Alert tone="warning" title={t("unmatched.title")}>
          <p>{t("unmatched.reason")}</p>
          <p className="mt-2">
            <Link href={helpHref("no-record")} className="font-semibold underline underline-offset-4">
              {t("unmatched.help")}
            </Link>
          </p>
        </Alert>
        <Card aria-labelledby="account-identity">
          <h2 id="account-identity" className="text-lg font-semibold text-ink">
            {t("unmatched.accountTitle")}
          </h2>
          <dl className="mt-3 grid grid-cols-[6rem_1fr] gap-y-2 text-sm">
            <dt className="text-slate-600">{t("unmatched.name")}</dt>
            <dd className="font-medium text-ink">{account.name}</dd>
            <dt className="text-slate-600">{t("unmatched.idNumber")}</dt>
            <dd className="font-mono font-medium text-ink">{account.idMasked}</dd>
          </dl>
          <p className="mt-4 text-sm text-slate-700">{t("unmatched.advice")}</p>
        </Card>
        <Card aria-labelledby="binding-title">
          <h2 id="binding-title" className="text-lg font-semibold text-ink">
            {t("binding.title")}
          </h2>
          <p className="mt-1 mb-4 text-sm text-slate-700">{t("binding.lead")}</p>
          <ClientMessages namespaces={["record.binding"]}>
            <BindingForm bind={bind} />
          </ClientMessages>
          {bindings.length > 0 ? (
            <div className="mt-6">
              <h3 className="text-sm font-semibold text-ink">{t("binding.listTitle")}</h3>
              <ul className="mt-2 divide-y divide-slate-200 rounded-lg ring-1 ring-slate-200">
                {bindings.map((b) => (
                  <li key={b.id} className="flex flex-wrap items-center justify-between gap-2 p-3 text-sm">
                    <span>
                      {t("binding.studentNumber")} {b.studentNumber}
                      <span className="block text-xs text-slate-600">
                        {t("binding.submittedAt", { time: formatDateTime(b.createdAt) })}
                      </span>
                      {b.reason ? (
                        <span className="block text-xs text-slate-700">
                          {t("binding.reason", { reason: b.reason })}
                        </span>
                      ) : null}
                    </span>
                    <Badge
                      tone={
                        b.status === "approved" ? "success" : b.status === "rejected" ? "danger" : "warning"
                      }
                    >
                      {t(`binding.status.${b.status}`)}
                    </Badge>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </Card>
      </div>
      <aside className="lg:col-span-2">
        <Card aria-labelledby="registrar-contact">
          <h2 id="registrar-contact" className="text-lg font-semibold text-ink">
            {t("unmatched.contactTitle")}
          </h2>
          {contactRows.length === 0 ? (
            <p className="mt-2 text-sm text-slate-700">{t("unmatched.noContact")}</p>
          ) : (
            <dl className="mt-3 grid grid-cols-[5rem_1fr] gap-y-2 text-sm">
              {contactRows.map((k) => (
                <div key={k} className="contents">
                  <dt className="text-slate-600">{t(`unmatched.${k}`)}</dt>
                  <dd className="font-medium break-words text-ink">{contact[k]}</dd>
                </div>
              ))}
            </dl>
          )}
        </Card>
      </aside>
    </div>
  );
}

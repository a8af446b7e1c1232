import { getTranslations } from "next-intl/server";
import type { ClosureView } from "@/lib/privacy/closure";
import type { ClosureAction } from "@/lib/privacy/form-states";
import { formatDateTime } from "@/lib/i18n/format";
import { Alert } from "@/components/ui/Alert";
import { ClientMessages } from "@/components/i18n/ClientMessages";
import { ClosureRequestForm } from "./ClosureRequestForm";
import { WithdrawClosureForm } from "./WithdrawClosureForm";

/**
 * What closing deletes and what the rules keep, with the reasons: to the student before and after asking,
 * to the registrar before deciding.
 */
export async function ClosureEffects({ audience = "student" }: { audience?: "student" | "registrar" }) {
  const t = await getTranslations("privacy.closure");
  const tr = await getTranslations("privacy.registrar");
  const forRegistrar = audience === "registrar";
  return (
    <dl className="space-y-3 text-sm">
      <div>
        <dt className="font-medium text-ink">{t("erasedTitle")}</dt>
        <dd className="mt-1 text-slate-700">{t("erased")}</dd>
      </div>
      <div>
        <dt className="font-medium text-ink">{t("keptTitle")}</dt>
        <dd className="mt-1 text-slate-700">{forRegistrar ? tr("kept") : t("kept")}</dd>
      </div>
      <div>
        <dd className="text-slate-700">{forRegistrar ? tr("afterwards") : t("afterwards")}</dd>
      </div>
    </dl>
  );
}

/** 注销账号 on /account: the open request (with 撤回), or the last refusal and the form (actions from the page). */
export async function ClosureSection({
  latest,
  submit,
  withdraw,
}: {
  latest: ClosureView | null;
  submit: ClosureAction;
  withdraw: ClosureAction;
}) {
  const t = await getTranslations("privacy.closure");
  if (latest?.status === "pending") {
    return (
      <div className="space-y-4">
        <Alert tone="warning" title={t("pendingTitle")}>
          <p>{t("pendingLead", { time: formatDateTime(latest.createdAt) })}</p>
          <p className="mt-1 break-words">{t("yourReason", { reason: latest.reason })}</p>
        </Alert>
        <ClosureEffects />
        <ClientMessages namespaces={["privacy.closure"]}>
          <WithdrawClosureForm withdraw={withdraw} />
        </ClientMessages>
      </div>
    );
  }
  return (
    <div className="space-y-4">
      {latest?.status === "rejected" ? (
        <Alert tone="info" title={t("rejectedTitle")}>
          {t("rejectedLead", {
            time: formatDateTime(latest.decidedAt ?? latest.createdAt),
            note: latest.decisionNote ?? "",
          })}
        </Alert>
      ) : null}
      <ClosureEffects />
      <ClientMessages namespaces={["privacy.closure"]}>
        <ClosureRequestForm submit={submit} />
      </ClientMessages>
    </div>
  );
}

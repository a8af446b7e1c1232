import { getTranslations } from "next-intl/server";
import { metaDescription } from "@/lib/i18n/metadata";
import { requireStudent } from "@/lib/auth/current";
import { accountOverview, loginLog } from "@/lib/accounts/overview";
import { PageHeader } from "@/components/ui/Card";
import { CompletenessMeter } from "@/components/account/CompletenessMeter";
import { AccountInfo } from "@/components/account/AccountInfo";
import { AccountSection } from "@/components/account/AccountSection";
import { ChangePasswordForm } from "@/app/account/_components/ChangePasswordForm";
import { ChangePhoneForm } from "@/app/account/_components/ChangePhoneForm";
import { EmailForm } from "@/app/account/_components/EmailForm";
import { SecurityQuestionsForm } from "@/app/account/_components/SecurityQuestionsForm";
import { NotificationSettingsForm } from "@/app/account/_components/NotificationSettingsForm";
import { ExternalSignIns } from "@/app/account/_components/ExternalSignIns";
import { LoginLogTable } from "@/components/account/LoginLogTable";
import { ExternalSignInNotice } from "@/components/auth/ExternalSignInNotice";
import { Alert } from "@/components/ui/Alert";
import { listBindings } from "@/lib/external-sign-in/bindings";
import { signInProviders } from "@/lib/external-sign-in/providers";
import { ClientMessages } from "@/components/i18n/ClientMessages";
import { DataExportForm } from "@/components/account/DataExportForm";
import { ClosureSection } from "@/components/account/ClosureSection";
import { requestClosureAction, withdrawClosureAction } from "./closure-actions";
import { myClosureRequest } from "@/lib/privacy/closure";
import { parseExportFailure } from "@/lib/privacy/export-failure";

export async function generateMetadata() {
  const t = await getTranslations("account");
  return { title: t("title"), description: await metaDescription("account") };
}

/** 账号管理 (SPEC §2.5), for verified and pending accounts alike. */
export default async function AccountPage({
  searchParams,
}: {
  searchParams: Promise<{
    sso?: string;
    until?: string;
    seconds?: string;
    external?: string;
    export?: string;
  }>;
}) {
  const actor = await requireStudent({ allowPending: true, next: "/account" });
  const t = await getTranslations("account");
  const ts = await getTranslations("sso.bind");
  const tp = await getTranslations("privacy");
  const { sso, until, seconds, external, export: exportFailure } = await searchParams;
  const [overview, log, bindings, providers, closure] = await Promise.all([
    accountOverview(actor),
    loginLog(actor),
    listBindings(actor),
    signInProviders("students"),
    myClosureRequest(actor),
  ]);

  return (
    <>
      <ClientMessages namespaces={["account", "passwords", "register"]}>
        <PageHeader title={t("title")} description={t("subtitle")} />
        <div className="grid gap-6 lg:grid-cols-3">
          <div className="space-y-6 lg:col-span-1">
            <CompletenessMeter items={overview.completeness.items} percent={overview.completeness.percent} />
            <AccountInfo overview={overview} />
          </div>
          <div className="space-y-6 lg:col-span-2">
            <AccountSection id="change-password" title={t("password.title")} lead={t("password.lead")}>
              <ChangePasswordForm />
            </AccountSection>
            <AccountSection
              id="phone"
              title={t("phone.title")}
              lead={t("phone.current", { phone: overview.phone })}
            >
              <ChangePhoneForm />
            </AccountSection>
            <AccountSection id="security-email" title={t("email.title")}>
              <EmailForm current={overview.email} pending={overview.pendingEmail} />
            </AccountSection>
            <AccountSection id="questions" title={t("questions.title")}>
              <SecurityQuestionsForm
                enabled={overview.questionsEnabled}
                count={overview.questions.length}
                current={Object.fromEntries(
                  overview.questions.map((q) => [`question${q.position}`, q.questionKey]),
                )}
              />
            </AccountSection>
            <AccountSection
              id="notifications"
              title={t("notifications.title")}
              lead={t("notifications.lead")}
            >
              <NotificationSettingsForm sms={overview.notifyBySms} email={overview.notifyByEmail} />
            </AccountSection>
            <AccountSection id="external" title={t("external.title")}>
              {sso === "bound" ? (
                <Alert tone="success" className="mb-4">
                  {ts("done")}
                </Alert>
              ) : null}
              {external === "unbound" ? (
                <Alert tone="success" className="mb-4">
                  {ts("unbound")}
                </Alert>
              ) : null}
              <ExternalSignInNotice reason={sso} until={until} seconds={seconds} className="mb-4" />
              <ExternalSignIns providers={providers} bindings={bindings} />
            </AccountSection>
            <AccountSection id="login-log" title={t("log.title")} lead={t("log.lead")}>
              <LoginLogTable events={log} />
            </AccountSection>
            <AccountSection id="data" title={tp("export.title")} lead={tp("export.lead")}>
              <DataExportForm failure={parseExportFailure(exportFailure)} />
            </AccountSection>
            <AccountSection id="closure" title={tp("closure.title")} lead={tp("closure.lead")}>
              <ClosureSection
                latest={closure}
                submit={requestClosureAction}
                withdraw={withdrawClosureAction}
              />
            </AccountSection>
          </div>
        </div>
      </ClientMessages>
    </>
  );
}

import { getTranslations } from "next-intl/server";
import { requireStaff } from "@/lib/auth/current";
import { readSettings } from "@/lib/admin/settings";
import { listTemplates } from "@/lib/messaging/template-admin";
import { AdminBreadcrumb } from "@/components/admin/AdminBreadcrumb";
import { SettingsForm } from "@/components/admin/SettingsForm";
import { CollegeContactsForm } from "@/components/admin/CollegeContactsForm";
import { TemplateForm } from "./TemplateForm";
import { TestMessageForm } from "./TestMessageForm";
import { Badge } from "@/components/ui/Badge";
import { LinkButton } from "@/components/ui/Button";
import { Card, PageHeader } from "@/components/ui/Card";
import { ClientMessages } from "@/components/i18n/ClientMessages";
import { saveSettingsAction } from "./actions";

export async function generateMetadata() {
  const t = await getTranslations("admin.settings");
  return { title: t("title") };
}

export default async function SettingsPage() {
  const actor = await requireStaff("settings.manage");
  const t = await getTranslations("admin.settings");
  const tsso = await getTranslations("sso.admin");
  const s = await readSettings(actor);
  const templates = await listTemplates(actor);
  const tm = await getTranslations("admin.messages");
  const ready = s.messaging.readiness;
  const readiness = (ok: boolean) => (ok ? t("messaging.configured") : t("messaging.notConfigured"));
  const outboxHint = ready.sms.outbox ? t("messaging.outboxHint") : t("messaging.outboxProduction");
  return (
    <>
      <ClientMessages namespaces={["admin.settings", "admin.messages"]}>
        <AdminBreadcrumb items={[{ label: t("title") }]} />
        <PageHeader title={t("title")} description={t("description")} />
        <div className="grid gap-6 lg:grid-cols-2">
          <Card>
            <SettingsForm
              action={saveSettingsAction}
              section="general"
              title={t("general.title")}
              fields={[
                {
                  kind: "text",
                  name: "schoolName",
                  label: t("general.schoolName"),
                  value: s.general.schoolName,
                  required: true,
                },
              ]}
            />
          </Card>
          <Card>
            <SettingsForm
              action={saveSettingsAction}
              section="contact"
              title={t("contact.title")}
              description={t("contact.description")}
              fields={[
                { kind: "text", name: "phone", label: t("contact.phone"), value: s.contact.phone },
                { kind: "text", name: "office", label: t("contact.office"), value: s.contact.office },
                { kind: "email", name: "email", label: t("contact.email"), value: s.contact.email },
                { kind: "text", name: "hours", label: t("contact.hours"), value: s.contact.hours },
              ]}
            />
          </Card>
          <Card className="lg:col-span-2">
            <CollegeContactsForm action={saveSettingsAction} rows={s.collegeContacts.contacts} />
          </Card>
          <Card>
            <SettingsForm
              action={saveSettingsAction}
              section="codes"
              title={t("codes.title")}
              fields={[
                {
                  kind: "number",
                  name: "codeLifetimeMinutes",
                  label: t("codes.lifetime"),
                  hint: t("codes.lifetimeHint"),
                  value: String(s.codes.codeLifetimeMinutes),
                  min: 1,
                  max: 1440,
                  required: true,
                },
                {
                  kind: "checkbox",
                  name: "securityQuestions",
                  label: t("codes.securityQuestions"),
                  hint: t("codes.securityQuestionsHint"),
                  value: s.codes.securityQuestions,
                },
              ]}
            />
          </Card>
          <Card>
            <SettingsForm
              action={saveSettingsAction}
              section="messaging"
              title={t("messaging.title")}
              description={
                <span className="flex flex-wrap items-center gap-2">
                  {t("messaging.active")}
                  <Badge tone="brand">{t("messaging.smsActive", { name: s.messaging.smsProvider })}</Badge>
                  <Badge tone="brand">
                    {t("messaging.emailActive", { name: s.messaging.emailProvider })}
                  </Badge>
                </span>
              }
              fields={[
                {
                  kind: "radio",
                  name: "smsProvider",
                  label: t("messaging.sms"),
                  value: s.messaging.smsProvider,
                  options: [
                    { value: "outbox", label: t("messaging.outbox"), hint: outboxHint },
                    {
                      value: "aliyun",
                      label: t("messaging.aliyun"),
                      hint: `${readiness(ready.sms.aliyun)} · ${t("messaging.aliyunEnv")}`,
                    },
                  ],
                },
                {
                  kind: "radio",
                  name: "emailProvider",
                  label: t("messaging.email"),
                  value: s.messaging.emailProvider,
                  options: [
                    { value: "outbox", label: t("messaging.outbox"), hint: outboxHint },
                    {
                      value: "smtp",
                      label: t("messaging.smtp"),
                      hint: `${readiness(ready.email.smtp)} · ${t("messaging.smtpEnv")}`,
                    },
                  ],
                },
              ]}
            />
          </Card>
          <Card>
            <SettingsForm
              action={saveSettingsAction}
              section="signature"
              title={tm("signature.title")}
              description={tm("signature.description")}
              fields={[
                {
                  kind: "text",
                  name: "signature",
                  label: tm("signature.signature"),
                  hint: tm("signature.signatureHint"),
                  value: s.signature.signature,
                  required: true,
                },
                {
                  kind: "text",
                  name: "portalAddress",
                  label: tm("signature.portalAddress"),
                  hint: tm("signature.portalAddressHint"),
                  value: s.signature.portalAddress,
                },
              ]}
            />
          </Card>
          <Card>
            <TestMessageForm
              smsProvider={s.messaging.smsProvider}
              emailProvider={s.messaging.emailProvider}
            />
          </Card>
          <Card className="lg:col-span-2" aria-labelledby="templates-title">
            <h2 id="templates-title" className="text-lg font-semibold">
              {tm("title")}
            </h2>
            <p className="mt-1 mb-4 text-sm text-slate-600">{tm("description")}</p>
            <div className="grid gap-6 divide-y divide-slate-100 lg:grid-cols-2 lg:divide-y-0">
              {templates.map((tpl) => (
                <div key={tpl.key} className="pt-6 first:pt-0 lg:pt-0">
                  <TemplateForm template={tpl} />
                </div>
              ))}
            </div>
          </Card>
          <Card>
            <SettingsForm
              action={saveSettingsAction}
              section="retention"
              title={t("retention.title")}
              description={t("retention.description")}
              fields={[
                {
                  kind: "number",
                  name: "idPhotoDays",
                  label: t("retention.idPhotoDays"),
                  value: String(s.retention.idPhotoDays),
                  min: 1,
                  max: 3650,
                  required: true,
                },
                {
                  kind: "number",
                  name: "evidenceDays",
                  label: t("retention.evidenceDays"),
                  value: String(s.retention.evidenceDays),
                  min: 1,
                  max: 3650,
                  required: true,
                },
              ]}
            />
          </Card>
          <Card className="lg:col-span-2">
            <SettingsForm
              action={saveSettingsAction}
              section="calendar"
              title={t("calendar.title")}
              description={t("calendar.description")}
              fields={[
                {
                  kind: "textarea",
                  name: "holidays",
                  label: t("calendar.holidays"),
                  hint: t("calendar.holidaysHint"),
                  value: s.calendar.holidays.join("\n"),
                },
                {
                  kind: "textarea",
                  name: "workdays",
                  label: t("calendar.workdays"),
                  hint: t("calendar.workdaysHint"),
                  value: s.calendar.workdays.join("\n"),
                },
              ]}
            />
          </Card>
          <Card className="lg:col-span-2" aria-labelledby="settings-external-heading">
            <h2 id="settings-external-heading" className="text-lg font-semibold">
              {tsso("title")}
            </h2>
            <p className="mt-1 mb-4 text-sm text-slate-600">{tsso("settingsLink")}</p>
            <LinkButton href="/admin/sign-in-providers" variant="secondary">
              {tsso("settingsLinkAction")}
            </LinkButton>
          </Card>
        </div>
      </ClientMessages>
    </>
  );
}

import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { metaDescription } from "@/lib/i18n/metadata";
import { requireStudent } from "@/lib/auth/current";
import { formatDateTime } from "@/lib/i18n/format";
import { assistForClassmate } from "@/lib/identity-cases/classmate-assist";
import { Alert } from "@/components/ui/Alert";
import { Card, PageHeader } from "@/components/ui/Card";
import { AssistAnswerForm } from "@/app/identity/_components/AssistAnswerForm";
import { ClientMessages } from "@/components/i18n/ClientMessages";

export async function generateMetadata() {
  const t = await getTranslations("identity.answer");
  return { title: t("title"), description: await metaDescription("identityAssistId") };
}

/** The classmate opens a 同学协助 request (from the inbox) and answers 是 / 否. Others: not found. */
export default async function AssistAnswerPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireStudent({ next: `/identity/assist/${encodeURIComponent(id)}` });
  const view = await assistForClassmate(actor, id);
  if (!view) notFound();
  const t = await getTranslations("identity.answer");
  const facts = [
    { label: t("name"), value: view.requesterName },
    { label: t("idNumber"), value: <span className="font-mono">{view.requesterIdMasked}</span> },
    { label: t("phone"), value: view.requesterPhone },
    { label: t("className"), value: view.className || "—" },
    { label: t("createdAt"), value: formatDateTime(view.createdAt) },
    { label: t("expiresAt"), value: formatDateTime(view.expiresAt) },
  ];
  const closed =
    view.status === "expired"
      ? t("expired")
      : view.status === "accepted"
        ? t("accepted")
        : view.status === "declined"
          ? t("declined")
          : !view.stillNeeded
            ? t("notNeeded")
            : null;
  return (
    <>
      <PageHeader title={t("title")} description={t("lead", { name: view.requesterName })} />
      <Card className="max-w-2xl">
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
          {facts.map((f) => (
            <div
              key={f.label}
              className="flex justify-between gap-3 border-b border-slate-100 py-2 sm:block sm:border-0 sm:py-0"
            >
              <dt className="text-slate-600">{f.label}</dt>
              <dd className="font-medium text-ink">{f.value}</dd>
            </div>
          ))}
        </dl>
        <div className="mt-6">
          {closed ? (
            <Alert tone={view.status === "accepted" ? "success" : "info"}>{closed}</Alert>
          ) : (
            <>
              <Alert tone="warning" className="mb-5">
                {t("explain")}
              </Alert>
              <ClientMessages namespaces={["identity.answer"]}>
                <AssistAnswerForm assistId={view.id} question={t("question", { name: view.requesterName })} />
              </ClientMessages>
            </>
          )}
        </div>
        <p className="mt-6 text-sm">
          <Link href="/inbox" className="font-medium text-brand-700 underline-offset-4 hover:underline">
            ← {t("toInbox")}
          </Link>
        </p>
      </Card>
    </>
  );
}

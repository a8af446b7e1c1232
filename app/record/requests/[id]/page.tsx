import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { metaDescription } from "@/lib/i18n/metadata";
import { requireStudent } from "@/lib/auth/current";
import { requestForStudent } from "@/lib/corrections/queries";
import { formatDateTime } from "@/lib/i18n/format";
import { Alert } from "@/components/ui/Alert";
import { Card, PageHeader } from "@/components/ui/Card";
import { EvidenceList } from "@/components/corrections/EvidenceList";
import { StatusBadge } from "@/components/corrections/StatusBadge";
import { StudentRequestItems } from "@/components/corrections/StudentRequestItems";
import { Timeline } from "@/components/corrections/Timeline";
import { WithdrawForm } from "@/app/record/requests/[id]/_components/WithdrawForm";
import { ClientMessages } from "@/components/i18n/ClientMessages";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("corrections.detail");
  return { title: t("title"), description: await metaDescription("recordRequestsId") };
}

export default async function RequestPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { id } = await params;
  const actor = await requireStudent({ next: `/record/requests/${encodeURIComponent(id)}` });
  const t = await getTranslations("corrections");
  const request = await requestForStudent(actor, id.slice(0, 40));
  if (!request) notFound();
  const { submitted } = await searchParams;
  return (
    <>
      <PageHeader
        title={t("detail.title")}
        actions={
          <Link
            href={`/record?r=${request.record.id}`}
            className="text-sm font-medium text-brand-700 underline-offset-4 hover:underline"
          >
            {t("detail.back")}
          </Link>
        }
      />
      <div className="mx-auto max-w-3xl space-y-4">
        {submitted ? <Alert tone="success">{t("detail.submitted")}</Alert> : null}
        <Card className="space-y-4">
          <dl className="grid grid-cols-[6.5rem_1fr] gap-y-2 text-sm">
            <dt className="text-slate-600">{t("detail.status")}</dt>
            <dd>
              <StatusBadge status={request.status} />
            </dd>
            <dt className="text-slate-600">{t("detail.route")}</dt>
            <dd>{t(`route.${request.route}`)}</dd>
            <dt className="text-slate-600">{t("detail.createdAt")}</dt>
            <dd>{formatDateTime(request.createdAt)}</dd>
          </dl>
          <StudentRequestItems items={request.items} provincial={request.route === "provincial"} />
        </Card>
        <Card className="space-y-3">
          <h2 className="text-lg font-semibold text-ink">{t("detail.evidence")}</h2>
          <EvidenceList files={request.evidence} />
        </Card>
        <Card className="space-y-3">
          <h2 className="text-lg font-semibold text-ink">{t("detail.timeline")}</h2>
          <Timeline request={request} />
          {request.status === "submitted" ? (
            <ClientMessages namespaces={["corrections.withdraw"]}>
              <WithdrawForm requestId={request.id} />
            </ClientMessages>
          ) : null}
        </Card>
      </div>
    </>
  );
}

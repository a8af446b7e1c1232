import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { metaDescription } from "@/lib/i18n/metadata";
import { z } from "zod";
import { requireStudent } from "@/lib/auth/current";
import { loadCorrectionForm } from "@/lib/corrections/form-data";
import { Alert } from "@/components/ui/Alert";
import { Card, PageHeader } from "@/components/ui/Card";
import { CorrectionForm } from "@/app/record/report/_components/CorrectionForm";
import { ContactCard } from "@/components/help/ContactCard";
import { contactsForCollege } from "@/lib/contacts/directory";
import { ClientMessages } from "@/components/i18n/ClientMessages";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("corrections.form");
  return { title: t("title"), description: await metaDescription("recordReport") };
}

const query = z.object({ r: z.string().max(40).optional().catch(undefined) });

export default async function ReportPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await requireStudent({ next: "/record/report" });
  const t = await getTranslations("corrections");
  const { r } = query.parse(await searchParams);
  const data = await loadCorrectionForm(actor, r);
  if (!data) notFound();
  const back = (
    <Link
      href={`/record?r=${data.record.id}`}
      className="text-sm font-medium text-brand-700 underline-offset-4 hover:underline"
    >
      {t("form.back")}
    </Link>
  );
  return (
    <>
      <PageHeader title={t("form.title")} actions={back} />
      <div className="mx-auto max-w-3xl space-y-4">
        <Alert tone="info" title={t("form.principle")}>
          {t("form.lead")}
        </Alert>
        {data.record.graduationRegistered ? <Alert tone="warning">{t("form.provincial")}</Alert> : null}
        {!data.campaignOpen ? <p className="text-sm text-slate-600">{t("form.outsideCampaign")}</p> : null}
        {data.openRequestId ? (
          <Alert tone="warning">
            {t("errors.alreadyOpen")}{" "}
            <Link
              className="font-semibold underline underline-offset-4"
              href={`/record/requests/${data.openRequestId}`}
            >
              {t("detail.title")}
            </Link>
          </Alert>
        ) : (
          <Card>
            <ClientMessages
              namespaces={["common.file", "corrections.form", "corrections.errors.evidence", "record"]}
            >
              <CorrectionForm
                recordId={data.record.id}
                version={data.record.version}
                values={data.record.values}
                options={data.options}
              />
            </ClientMessages>
          </Card>
        )}
        <Card as="div">
          <ContactCard {...await contactsForCollege(data.record.collegeId)} />
        </Card>
      </div>
    </>
  );
}

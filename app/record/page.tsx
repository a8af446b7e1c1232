import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { metaDescription } from "@/lib/i18n/metadata";
import { z } from "zod";
import { requireStudent } from "@/lib/auth/current";
import { loadRecordPage } from "@/lib/records/student-page";
import { Alert } from "@/components/ui/Alert";
import { Card, PageHeader } from "@/components/ui/Card";
import { cn } from "@/components/ui/cn";
import { HistoryList } from "@/components/record/HistoryList";
import { RecordSheet } from "@/components/record/RecordSheet";
import { RequestList } from "@/components/record/RequestList";
import { SelfCheckPanel } from "@/components/record/SelfCheckPanel";
import { UnmatchedRecord } from "@/components/record/UnmatchedRecord";
import { bindingAction, confirmAction } from "./actions";
import { ContactCard } from "@/components/help/ContactCard";
import { contactsForCollege } from "@/lib/contacts/directory";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("record");
  return { title: t("title"), description: await metaDescription("record") };
}

const query = z.object({ r: z.string().max(40).optional().catch(undefined) });

export default async function RecordPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await requireStudent({ next: "/record" });
  const t = await getTranslations("record");
  const { r } = query.parse(await searchParams);
  const page = await loadRecordPage(actor, r);
  if (!page) notFound();

  if (page.kind === "unmatched") {
    return (
      <>
        <PageHeader title={t("title")} />
        <UnmatchedRecord page={page} bind={bindingAction} />
      </>
    );
  }
  const hintCount = page.hints.length;
  const awaitingCheck =
    !!page.campaign && !page.openRequest && (!page.check?.confirmedAt || page.changedSinceConfirm);
  return (
    <>
      <PageHeader title={t("title")} description={t("lead")} />
      {page.records.length > 1 ? (
        <nav aria-label={t("chooseRecord")} className="mb-4 flex flex-wrap gap-2">
          {page.records.map((rec) => (
            <Link
              key={rec.id}
              href={`/record?r=${rec.id}`}
              aria-current={rec.id === page.record.id ? "page" : undefined}
              className={cn(
                "rounded-full px-3 py-1.5 text-sm font-medium ring-1 ring-inset",
                rec.id === page.record.id
                  ? "bg-brand-700 text-white ring-brand-700"
                  : "bg-white text-brand-800 ring-slate-300",
              )}
            >
              {rec.label}
            </Link>
          ))}
        </nav>
      ) : null}
      {awaitingCheck ? (
        // On a phone the check panel is below the long record: say where it is.
        <Alert tone="info" className="mb-4 lg:hidden">
          {t("selfCheck.jump")}{" "}
          <a href="#self-check-title" className="font-semibold underline underline-offset-4">
            {t("selfCheck.jumpLink")}
          </a>
        </Alert>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-4 lg:col-span-2">
          {page.record.graduationRegistered ? <Alert tone="info">{t("locked")}</Alert> : null}
          {hintCount > 0 ? <Alert tone="warning">{t("hints.summary", { count: hintCount })}</Alert> : null}
          <RecordSheet
            recordId={page.record.id}
            values={page.record.values}
            hints={page.hints}
            hasPhoto={page.record.hasPhoto}
          />
        </div>
        <div className="space-y-6">
          <SelfCheckPanel page={page} confirm={confirmAction} />
          <Card as="div" className="space-y-6">
            <RequestList requests={page.requests} />
            <HistoryList entries={page.history} />
          </Card>
          <Card as="div">
            <ContactCard
              {...await contactsForCollege({ id: page.record.collegeId, name: page.record.values.college })}
            />
          </Card>
        </div>
      </div>
    </>
  );
}

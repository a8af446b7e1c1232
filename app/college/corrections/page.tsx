import { getTranslations } from "next-intl/server";
import { metaDescription } from "@/lib/i18n/metadata";
import { requireStaff } from "@/lib/auth/current";
import { listQueue, queueColleges, queueListParams } from "@/lib/corrections/queries";
import { campaignChoices } from "@/lib/progress/campaign";
import { queueQuery } from "@/lib/corrections/queue-query";
import { QueueView } from "@/components/corrections/QueueView";
import { collegeBulkAction } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("corrections.queue");
  return { title: t("collegeTitle"), description: await metaDescription("collegeCorrections") };
}

export default async function CollegeCorrectionsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await requireStaff("correction.collegeReview");
  const raw = await searchParams;
  const query = queueQuery.parse(raw);
  const listParams = queueListParams(raw);
  const [list, colleges, campaigns] = await Promise.all([
    listQueue(actor, "college", query, listParams),
    queueColleges(actor, "college"),
    campaignChoices(),
  ]);
  return (
    <QueueView
      stage="college"
      basePath="/college/corrections"
      list={list}
      listParams={listParams}
      filter={{
        status: query.status,
        q: query.q,
        collegeId: query.collegeId ?? "",
        campaignId: query.campaignId ?? "",
      }}
      colleges={colleges}
      campaigns={campaigns.map((c) => ({ id: c.id, name: c.name }))}
      decided={query.decided}
      bulkAction={collegeBulkAction}
    />
  );
}

import { getTranslations } from "next-intl/server";
import { metaDescription } from "@/lib/i18n/metadata";
import { requireStaff } from "@/lib/auth/current";
import { listQueue } from "@/lib/corrections/queries";
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
  const query = queueQuery.parse(await searchParams);
  const list = await listQueue(actor, "college", query);
  return (
    <QueueView
      stage="college"
      basePath="/college/corrections"
      list={list}
      filter={{ status: query.status, q: query.q }}
      decided={query.decided}
      bulkAction={collegeBulkAction}
    />
  );
}

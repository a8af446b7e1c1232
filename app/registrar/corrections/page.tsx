import { getTranslations } from "next-intl/server";
import { requireStaff } from "@/lib/auth/current";
import { listQueue } from "@/lib/corrections/queries";
import { queueQuery } from "@/lib/corrections/queue-query";
import { QueueView } from "@/components/corrections/QueueView";
import { registrarBulkAction } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("corrections.queue");
  return { title: t("registrarTitle") };
}

export default async function RegistrarCorrectionsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await requireStaff("correction.registrarReview");
  const query = queueQuery.parse(await searchParams);
  const list = await listQueue(actor, "registrar", query);
  return (
    <QueueView
      stage="registrar"
      basePath="/registrar/corrections"
      list={list}
      filter={{ status: query.status, q: query.q }}
      decided={query.decided}
      bulkAction={registrarBulkAction}
    />
  );
}

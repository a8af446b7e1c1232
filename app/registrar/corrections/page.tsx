import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { metaDescription } from "@/lib/i18n/metadata";
import { requireStaff } from "@/lib/auth/current";
import { listQueue, queueColleges, queueListParams } from "@/lib/corrections/queries";
import { campaignChoices } from "@/lib/progress/campaign";
import { queueQuery } from "@/lib/corrections/queue-query";
import { pendingBindingCount } from "@/lib/records/binding";
import { buttonClass } from "@/components/ui/Button";
import { QueueView } from "@/components/corrections/QueueView";
import { RegistrarNav } from "@/components/progress/RegistrarNav";
import { registrarBulkAction } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("corrections.queue");
  return { title: t("registrarTitle"), description: await metaDescription("registrarCorrections") };
}

export default async function RegistrarCorrectionsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await requireStaff("correction.registrarReview");
  const raw = await searchParams;
  const query = queueQuery.parse(raw);
  const listParams = queueListParams(raw);
  const [list, bindings, colleges, campaigns] = await Promise.all([
    listQueue(actor, "registrar", query, listParams),
    pendingBindingCount(actor),
    queueColleges(actor, "registrar"),
    campaignChoices(),
  ]);
  const t = await getTranslations("corrections.bindings");
  return (
    <QueueView
      stage="registrar"
      basePath="/registrar/corrections"
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
      bulkAction={registrarBulkAction}
      nav={<RegistrarNav current="corrections" />}
      actions={
        <Link className={buttonClass("secondary")} href="/registrar/bindings">
          {t("link", { count: bindings })}
        </Link>
      }
    />
  );
}

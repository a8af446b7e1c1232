import { getTranslations } from "next-intl/server";
import type { DetailItem } from "@/lib/corrections/queries";
import { Badge } from "@/components/ui/Badge";
import { displayValue } from "@/components/record/field-value";

const tone = (d: string) => (d === "accepted" ? "success" : d === "rejected" ? "danger" : "neutral");

/** Each requested change with both review stages' decisions; stacked blocks that read at 360 px. */
export async function StudentRequestItems({
  items,
  provincial,
}: {
  items: DetailItem[];
  provincial: boolean;
}) {
  const t = await getTranslations("corrections");
  const tr = await getTranslations("record");
  return (
    <ul className="space-y-3">
      {items.map((item) => (
        <li key={item.id} className="rounded-lg p-3 ring-1 ring-slate-200">
          <p className="font-semibold text-ink">{tr(`fields.${item.field}`)}</p>
          <dl className="mt-2 grid grid-cols-[6.5rem_1fr] gap-x-3 gap-y-1 text-sm">
            <dt className="text-slate-600">{t("detail.before")}</dt>
            <dd className="break-words">{displayValue(tr, item.field, item.submitted)}</dd>
            <dt className="text-slate-600">{t("detail.requested")}</dt>
            <dd className="font-medium break-words text-ink">
              {displayValue(tr, item.field, item.requested)}
            </dd>
            <dt className="text-slate-600">{t("detail.reason")}</dt>
            <dd className="break-words">{item.reason}</dd>
            <dt className="text-slate-600">{t("detail.college")}</dt>
            <dd>
              <Badge tone={tone(item.collegeDecision)}>{t(`decision.${item.collegeDecision}`)}</Badge>
              {item.collegeReason ? <span className="ml-2 text-slate-700">{item.collegeReason}</span> : null}
            </dd>
            {item.collegeDecision === "accepted" ? (
              <>
                <dt className="text-slate-600">{t(provincial ? "detail.provincial" : "detail.registrar")}</dt>
                <dd>
                  <Badge tone={tone(item.registrarDecision)}>{t(`decision.${item.registrarDecision}`)}</Badge>
                  {item.registrarReason ? (
                    <span className="ml-2 text-slate-700">{item.registrarReason}</span>
                  ) : null}
                </dd>
              </>
            ) : null}
          </dl>
        </li>
      ))}
    </ul>
  );
}

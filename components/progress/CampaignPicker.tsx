import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { SelectField } from "@/components/ui/Field";
import { formatDateTime } from "@/lib/i18n/format";
import type { CampaignRef } from "@/lib/progress/campaign";

/** Chooses the campaign a dashboard shows (a GET form: works without JavaScript, bookmarkable). */
export async function CampaignPicker({
  campaigns,
  current,
  now = new Date(),
}: {
  campaigns: CampaignRef[];
  current: CampaignRef;
  now?: Date;
}) {
  const t = await getTranslations("progress.campaign");
  const state = now < current.startsAt ? "upcoming" : now >= current.endsAt ? "closed" : "open";
  return (
    <div className="campaign-picker">
      <form className="flex flex-wrap items-end gap-2" method="get">
        <SelectField id="campaign" label={t("label")} defaultValue={current.id}>
          {campaigns.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </SelectField>
        <Button type="submit" variant="secondary">
          {t("choose")}
        </Button>
      </form>
      <p className="flex items-center gap-2 text-sm text-slate-700">
        <Badge tone={state === "open" ? "success" : state === "closed" ? "neutral" : "warning"}>
          {t(state)}
        </Badge>
        {t("window", { start: formatDateTime(current.startsAt), end: formatDateTime(current.endsAt) })}
      </p>
    </div>
  );
}

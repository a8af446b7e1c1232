import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { metaDescription } from "@/lib/i18n/metadata";
import { z } from "zod";
import { requireStaff } from "@/lib/auth/current";
import { can, collegeScope } from "@/lib/auth/policy";
import { campaignChoices, dashboardCampaign } from "@/lib/progress/campaign";
import { progressBy, sumCounts, type GroupBy } from "@/lib/progress/counts";
import { notCheckedFilterSchema, notCheckedListParams, notCheckedPage } from "@/lib/progress/not-checked";
import { checkRateTrend } from "@/lib/progress/trend";
import { filterOptions, scopeLabels } from "@/lib/progress/options";
import { openingBreakdown } from "@/lib/progress/breakdown-view";
import { Alert } from "@/components/ui/Alert";
import { buttonClass } from "@/components/ui/Button";
import { PageHeader } from "@/components/ui/Card";
import { BreakdownSection } from "@/components/progress/BreakdownSection";
import { CampaignPicker } from "@/components/progress/CampaignPicker";
import { filterParams, NotCheckedSection } from "@/components/progress/NotCheckedSection";
import { remindAction, revealAction, revealPhoneAction } from "./actions";
import { StatCards } from "@/components/progress/StatCards";
import { TrendSection } from "@/components/progress/TrendSection";

export async function generateMetadata() {
  const t = await getTranslations("college");
  return { title: t("title"), description: await metaDescription("college") };
}

const viewSchema = z.enum(["college", "major", "classGroup"]).optional().catch(undefined);

export default async function CollegePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireStaff("progress.viewCollege");
  const t = await getTranslations("college");
  const tp = await getTranslations("progress");
  const params = Object.fromEntries(
    Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]),
  );
  const scope = collegeScope(actor);
  const header = (
    <PageHeader
      title={t("title")}
      description={t("description")}
      actions={
        can(actor, "correction.collegeReview") ? (
          <Link className={buttonClass("secondary")} href="/college/corrections">
            {t("corrections")}
          </Link>
        ) : null
      }
    />
  );
  if (scope !== "all" && scope.length === 0)
    return (
      <>
        {header}
        <Alert tone="warning">{t("noScope")}</Alert>
      </>
    );

  const campaign = await dashboardCampaign(params.campaign);
  if (!campaign)
    return (
      <>
        {header}
        <Alert tone="info">{tp("campaign.none")}</Alert>
      </>
    );

  const filter = notCheckedFilterSchema.parse(params);
  const list = notCheckedListParams(params);
  const options = await filterOptions(actor, filter);
  const singleCollege = options.colleges.length === 1;
  const groupBy: GroupBy = viewSchema.parse(params.view) ?? openingBreakdown(options, filter);
  const needsCollege = groupBy === "classGroup" && !singleCollege && !filter.collegeId && !filter.majorId;
  const [byCollege, groups, page, campaigns] = await Promise.all([
    progressBy(actor, campaign, "college"),
    needsCollege
      ? Promise.resolve([])
      : progressBy(actor, campaign, groupBy, {
          collegeId: filter.collegeId,
          majorId: filter.majorId,
          // a chosen class narrows the class breakdown to it (a college has a few hundred)
          classGroupId: groupBy === "classGroup" ? filter.classGroupId : undefined,
        }),
    notCheckedPage(actor, campaign, filter, list),
    campaignChoices(),
  ]);
  const counts = sumCounts(byCollege);
  const [trend, labels] = await Promise.all([
    checkRateTrend(actor, campaign, counts.total),
    scopeLabels(actor, options.colleges),
  ]);
  const base = filterParams(campaign.id, filter);
  // a major's row leads to its classes (and narrows the list to that major): a class chosen before is dropped
  const majorBase = filterParams(campaign.id, { ...filter, classGroupId: undefined });
  return (
    <>
      {header}
      <p className="-mt-3 mb-4 text-sm text-slate-600">
        {scope === "all"
          ? t("scopeAll")
          : t("scope", {
              colleges: labels
                .map((l) =>
                  l.classes
                    ? t("scopeClasses", { college: l.college, classes: l.classes.join("、") })
                    : l.cohort
                      ? t("scopeGrade", { college: l.college, grade: l.cohort })
                      : l.college,
                )
                .join("、"),
            })}
      </p>
      <CampaignPicker campaigns={campaigns} current={campaign} />
      <StatCards counts={counts} />
      <TrendSection trend={trend} title={t("trendTitle")} description={t("trendDescription")} />
      <BreakdownSection
        groups={groupBy === "college" ? byCollege : groups}
        groupBy={groupBy}
        needsCollege={needsCollege}
        oneCollege={singleCollege}
        hrefFor={(view) => `/college?${new URLSearchParams({ ...base, view })}#breakdown-title`}
        linkFor={
          groupBy === "major"
            ? (g) =>
                `/college?${new URLSearchParams({ ...majorBase, view: "classGroup", majorId: g.id })}#breakdown-title`
            : undefined
        }
      />
      <NotCheckedSection
        campaignId={campaign.id}
        filter={filter}
        list={list}
        data={page}
        options={options}
        canExport={can(actor, "notChecked.export")}
        canRemind={can(actor, "reminder.send")}
        canReveal={can(actor, "idNumber.reveal")}
        canRevealPhone={can(actor, "phone.reveal")}
        revealActions={{ id: revealAction, phone: revealPhoneAction }}
        remindAction={remindAction}
        basePath="/college"
      />
    </>
  );
}

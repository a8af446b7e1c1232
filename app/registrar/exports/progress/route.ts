import { staffFileRoute, notFound } from "@/lib/auth/staff-route";
import { CONTENT_TYPES, downloadResponse } from "@/lib/core/download";
import { exportProgress } from "@/lib/exports/progress";
import { dashboardCampaign } from "@/lib/progress/campaign";

/** Full progress workbook of a campaign (registrar). */
export const GET = staffFileRoute("export.all", async ({ url, actor }) => {
  const campaign = await dashboardCampaign(url.searchParams.get("campaign") ?? undefined);
  if (!campaign) return notFound();
  const bytes = await exportProgress(actor, campaign);
  return downloadResponse(new Uint8Array(bytes), {
    name: `自查进度-${campaign.name}.xlsx`,
    fallback: "progress.xlsx",
    contentType: CONTENT_TYPES.xlsx,
  });
});

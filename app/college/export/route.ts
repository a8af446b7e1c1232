import { z } from "zod";
import { staffFileRoute, notFound } from "@/lib/auth/staff-route";
import { CONTENT_TYPES, downloadResponse } from "@/lib/core/download";
import { exportFileName, exportNotChecked } from "@/lib/exports/not-checked";
import { dashboardCampaign } from "@/lib/progress/campaign";
import { notCheckedFilterSchema } from "@/lib/progress/not-checked";

const schema = notCheckedFilterSchema.omit({ page: true }).extend({
  campaign: z.string().min(1).max(40),
  format: z.enum(["xlsx", "csv"]).catch("xlsx"),
});

/** 未查名单 download. */
export const GET = staffFileRoute("notChecked.export", async ({ url, actor }) => {
  const parsed = schema.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) return Response.json({ error: "bad request" }, { status: 400 });
  const { campaign: campaignId, format, ...filter } = parsed.data;
  const campaign = await dashboardCampaign(campaignId);
  if (!campaign || campaign.id !== campaignId) return notFound();
  const body = await exportNotChecked(actor, campaign, filter, format);
  return downloadResponse(body, {
    name: exportFileName(campaign, format),
    fallback: `export.${format}`,
    contentType: CONTENT_TYPES[format],
  });
});

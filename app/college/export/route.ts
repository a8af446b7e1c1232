import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { getActor } from "@/lib/auth/current";
import { can } from "@/lib/auth/policy";
import { exportFileName, exportNotChecked } from "@/lib/exports/not-checked";
import { dashboardCampaign } from "@/lib/progress/campaign";
import { notCheckedFilterSchema } from "@/lib/progress/not-checked";

const schema = notCheckedFilterSchema.omit({ page: true }).extend({
  campaign: z.string().min(1).max(40),
  format: z.enum(["xlsx", "csv"]).catch("xlsx"),
});

const TYPES = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
} as const;

/** 未查名单 download. The actor is checked here again (a route handler is its own entry point). */
export async function GET(request: NextRequest) {
  const actor = await getActor();
  if (!actor || actor.kind !== "staff" || !can(actor, "notChecked.export"))
    return NextResponse.json({ error: "not found" }, { status: 404 });
  const parsed = schema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!parsed.success) return NextResponse.json({ error: "bad request" }, { status: 400 });
  const { campaign: campaignId, format, ...filter } = parsed.data;
  const campaign = await dashboardCampaign(campaignId);
  if (!campaign || campaign.id !== campaignId)
    return NextResponse.json({ error: "not found" }, { status: 404 });
  const body = await exportNotChecked(actor, campaign, filter, format);
  const name = exportFileName(campaign, format);
  return new NextResponse(body, {
    headers: {
      "content-type": TYPES[format],
      "content-disposition": `attachment; filename="export.${format}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      "cache-control": "no-store",
    },
  });
}

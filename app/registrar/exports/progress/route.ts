import { NextResponse, type NextRequest } from "next/server";
import { getActor } from "@/lib/auth/current";
import { can } from "@/lib/auth/policy";
import { exportProgress } from "@/lib/exports/progress";
import { dashboardCampaign } from "@/lib/progress/campaign";

/** Full progress workbook of a campaign (registrar). The actor is checked again here. */
export async function GET(request: NextRequest) {
  const actor = await getActor();
  if (!actor || actor.kind !== "staff" || !can(actor, "export.all"))
    return NextResponse.json({ error: "not found" }, { status: 404 });
  const campaignId = request.nextUrl.searchParams.get("campaign") ?? undefined;
  const campaign = await dashboardCampaign(campaignId);
  if (!campaign) return NextResponse.json({ error: "not found" }, { status: 404 });
  const bytes = await exportProgress(actor, campaign);
  return new NextResponse(new Uint8Array(bytes), {
    headers: {
      "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "content-disposition": `attachment; filename="progress.xlsx"; filename*=UTF-8''${encodeURIComponent(`自查进度-${campaign.name}.xlsx`)}`,
      "cache-control": "no-store",
    },
  });
}

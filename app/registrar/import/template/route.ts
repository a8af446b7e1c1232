import { NextResponse, type NextRequest } from "next/server";
import { getActor } from "@/lib/auth/current";
import { can } from "@/lib/auth/policy";
import { templateCsv, templateXlsx } from "@/lib/roster-import/template";

/** The roster template (header row = the §4.2 field names), XLSX or CSV. */
export async function GET(request: NextRequest) {
  const actor = await getActor();
  if (!actor || actor.kind !== "staff" || !can(actor, "roster.import"))
    return NextResponse.json({ error: "not found" }, { status: 404 });
  const format = request.nextUrl.searchParams.get("format") === "csv" ? "csv" : "xlsx";
  const name = encodeURIComponent(`学籍名单模板.${format}`);
  const disposition = `attachment; filename="roster-template.${format}"; filename*=UTF-8''${name}`;
  if (format === "csv")
    return new NextResponse(templateCsv(), {
      headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": disposition },
    });
  return new NextResponse(new Uint8Array(await templateXlsx()), {
    headers: {
      "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "content-disposition": disposition,
    },
  });
}

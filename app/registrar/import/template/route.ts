import { staffFileRoute } from "@/lib/auth/staff-route";
import { CONTENT_TYPES, downloadResponse } from "@/lib/core/download";
import { templateCsv, templateXlsx } from "@/lib/roster-import/template";

/** The roster template (header row = the §4.2 field names), XLSX or CSV. */
export const GET = staffFileRoute("roster.import", async ({ url }) => {
  const format = url.searchParams.get("format") === "csv" ? "csv" : "xlsx";
  const file = {
    name: `学籍名单模板.${format}`,
    fallback: `roster-template.${format}`,
    contentType: CONTENT_TYPES[format],
  };
  return downloadResponse(format === "csv" ? templateCsv() : new Uint8Array(await templateXlsx()), file);
});

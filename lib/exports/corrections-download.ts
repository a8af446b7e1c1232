import "server-only";
import { z } from "zod";
import type { StaffActor } from "@/lib/auth/actor";
import { staffFileRoute } from "@/lib/auth/staff-route";
import { CONTENT_TYPES, downloadResponse } from "@/lib/core/download";
import { stagePermission, type Stage } from "@/lib/corrections/queries";
import { correctionsExportFilterSchema, correctionsFileName, exportCorrections } from "./corrections";

const schema = correctionsExportFilterSchema.extend({ format: z.enum(["xlsx", "csv"]).catch("xlsx") });

async function download(url: URL, actor: StaffActor, stage: Stage): Promise<Response> {
  const { format, ...filter } = schema.parse(Object.fromEntries(url.searchParams));
  const body = await exportCorrections(actor, stage, filter, format);
  return downloadResponse(body, {
    name: correctionsFileName(format),
    fallback: `export.${format}`,
    contentType: CONTENT_TYPES[format],
  });
}

/** The GET handler of a stage's 勘误汇总 download, behind the staff file-route guard. */
export const correctionsDownload = (stage: Stage) =>
  staffFileRoute(stagePermission(stage), ({ url, actor }) => download(url, actor, stage));

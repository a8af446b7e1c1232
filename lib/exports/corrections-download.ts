import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { getActor } from "@/lib/auth/current";
import { can } from "@/lib/auth/policy";
import { stagePermission, type Stage } from "@/lib/corrections/queries";
import { correctionsExportFilterSchema, correctionsFileName, exportCorrections } from "./corrections";
import { downloadHeaders } from "./table-stream";

const schema = correctionsExportFilterSchema.extend({ format: z.enum(["xlsx", "csv"]).catch("xlsx") });

/** GET handler body of a stage's 勘误汇总 download; the actor is checked here again (its own entry point). */
export async function correctionsDownload(request: NextRequest, stage: Stage): Promise<NextResponse> {
  const actor = await getActor();
  if (!actor || actor.kind !== "staff" || !can(actor, stagePermission(stage)))
    return NextResponse.json({ error: "not found" }, { status: 404 });
  const { format, ...filter } = schema.parse(Object.fromEntries(request.nextUrl.searchParams));
  const body = await exportCorrections(actor, stage, filter, format);
  return new NextResponse(body, { headers: downloadHeaders(format, correctionsFileName(format)) });
}

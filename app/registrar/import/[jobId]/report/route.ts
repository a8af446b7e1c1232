import { Readable } from "node:stream";
import { NextResponse, type NextRequest } from "next/server";
import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/current";
import { can } from "@/lib/auth/policy";
import { issueReport } from "@/lib/roster-import/report";

/** The per-row report of an import (or the unknown 学号 of a graduation lock) as CSV. */
export async function GET(_request: NextRequest, { params }: { params: Promise<{ jobId: string }> }) {
  const actor = await getActor();
  if (!actor || actor.kind !== "staff" || !can(actor, "roster.import"))
    return NextResponse.json({ error: "not found" }, { status: 404 });
  const { jobId } = await params;
  const t = await getTranslations();
  const lines = await issueReport(actor, jobId, (key, values) => t(key, values));
  if (!lines) return NextResponse.json({ error: "not found" }, { status: 404 });
  const bytes = (async function* () {
    for await (const line of lines) yield Buffer.from(line);
  })();
  const body = Readable.toWeb(Readable.from(bytes)) as ReadableStream<Uint8Array>;
  return new NextResponse(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="import-report.csv"; filename*=UTF-8''${encodeURIComponent(`导入报告-${jobId}.csv`)}`,
      "cache-control": "no-store",
    },
  });
}

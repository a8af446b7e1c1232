import { Readable } from "node:stream";
import { getTranslations } from "next-intl/server";
import { staffFileRoute, notFound } from "@/lib/auth/staff-route";
import { CONTENT_TYPES, downloadResponse } from "@/lib/core/download";
import { issueReport } from "@/lib/roster-import/report";

/** The per-row report of an import (or the unknown 学号 of a graduation lock) as CSV. */
export const GET = staffFileRoute<{ jobId: string }>("roster.import", async ({ actor, params }) => {
  const t = await getTranslations();
  const lines = await issueReport(actor, params.jobId, (key, values) => t(key, values));
  if (!lines) return notFound();
  const bytes = (async function* () {
    for await (const line of lines) yield Buffer.from(line);
  })();
  const body = Readable.toWeb(Readable.from(bytes)) as ReadableStream<Uint8Array>;
  return downloadResponse(body, {
    name: `导入报告-${params.jobId}.csv`,
    fallback: "import-report.csv",
    contentType: CONTENT_TYPES.csv,
  });
});

import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { FIELD_LABEL } from "./columns";
import { parseConflict } from "./decide";
import { csvLine } from "@/lib/core/csv";

type Translate = (key: string, params?: Record<string, string | number>) => string;

/** The text of one issue in the reader's language. */
export function issueText(t: Translate, message: string): string {
  const conflict = parseConflict(message);
  if (conflict) return t("import.issues.conflict", { before: conflict.before, after: conflict.after });
  try {
    const { key, params } = JSON.parse(message) as { key: string; params?: Record<string, string | number> };
    return t(`import.issues.${key}`, params);
  } catch {
    return message;
  }
}

export function fieldLabel(field: string | null): string {
  return field ? (FIELD_LABEL[field] ?? field) : "";
}

/**
 * The per-row report as CSV (UTF-8 with BOM so Excel opens it in Chinese), streamed page by page.
 * Returns null when the job does not exist.
 */
export async function issueReport(
  actor: Actor,
  jobId: string,
  t: Translate,
): Promise<AsyncIterable<string> | null> {
  assertCan(actor, "roster.import");
  const job = await db.importJob.findUnique({ where: { id: jobId }, select: { id: true } });
  if (!job) return null;
  return (async function* () {
    yield (
      "\uFEFF" +
      [
        t("import.report.row"),
        t("import.report.studentNumber"),
        t("import.report.severity"),
        t("import.report.field"),
        t("import.report.message"),
      ].join(",") +
      "\r\n"
    );
    let cursor: { id: string } | undefined;
    for (;;) {
      const page = await db.importRowIssue.findMany({
        where: { jobId },
        orderBy: { id: "asc" },
        take: 5000,
        ...(cursor ? { cursor, skip: 1 } : {}),
      });
      if (page.length === 0) return;
      page.sort((a, b) => a.rowNumber - b.rowNumber);
      yield page
        .map(
          (i) =>
            csvLine([
              i.rowNumber,
              i.studentNumber ?? "",
              t(`import.severity.${i.severity}`),
              fieldLabel(i.field),
              issueText(t, i.message),
            ]) + "\r\n",
        )
        .join("");
      cursor = { id: page[page.length - 1].id };
    }
  })();
}

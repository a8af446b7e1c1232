import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { fail, ok, type Result } from "@/lib/core/result";
import { audit } from "@/lib/security/audit";
import { removeStaging } from "./jobs";
import { removeImportFile } from "./storage";

/** Which jobs can be set aside: a preview nobody committed, or a roster job that failed. */
const DISCARDABLE: Record<string, string[]> = {
  roster: ["previewed", "failed"],
  graduation_lock: ["previewed"],
};

/**
 * Sets a stale preview aside (status discarded): it can no longer be committed, its uploaded file, staged
 * operations and change list are deleted (they hold personal data nobody will use), the per-row report
 * stays with the job. Audited; a job being committed meanwhile is not touched.
 */
export async function discardImport(
  actor: Actor,
  jobId: string,
): Promise<Result<{ jobId: string; kind: string }>> {
  const job = await db.importJob.findUnique({
    where: { id: jobId },
    select: { kind: true, status: true, fileKey: true, fileName: true },
  });
  if (!job) return fail("import.errors.notFound");
  assertCan(actor, job.kind === "graduation_lock" ? "graduationLock.manage" : "roster.import");
  const discarded = await db.$transaction(async (tx) => {
    const { count } = await tx.importJob.updateMany({
      where: { id: jobId, status: { in: DISCARDABLE[job.kind] ?? [] } },
      data: { status: "discarded", finishedAt: new Date() },
    });
    if (count !== 1) return false;
    await tx.importChange.deleteMany({ where: { jobId } });
    await audit(tx, actor, {
      action: "import.discard",
      targetType: "ImportJob",
      targetId: jobId,
      before: { status: job.status },
      after: { status: "discarded", fileName: job.fileName, kind: job.kind },
    });
    return true;
  });
  if (!discarded) return fail("import.errors.notDiscardable");
  await Promise.all([removeImportFile(job.fileKey), removeStaging(jobId)]);
  return ok({ jobId, kind: job.kind });
}

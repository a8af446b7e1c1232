import "server-only";
import { access, readFile, rename, rm, writeFile } from "node:fs/promises";
import { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { fail, ok, refuse, type Result } from "@/lib/core/result";
import { audit } from "@/lib/security/audit";
import { schoolName } from "@/lib/settings";
import { newId } from "./ids";
import { MAX_UPLOAD_BYTES } from "./upload-protocol";
import { readStaged, StagingWriter } from "./ops";
import {
  planRoster,
  type PlannedChange,
  type PlannedIssue,
  type PlanResult,
  type PlanSummary,
  type RosterSource,
} from "./plan";
import { jobCountsOf, jobSummaryOf, planSummarySchema } from "./pipeline/summary";
import { writeOperations } from "./pipeline/write";
import { formatOf, type SheetRow } from "./read-file";
import {
  ensureImportsDir,
  importFilePath,
  removeImportFile,
  saveImportFile,
  type SpooledFile,
} from "./storage";
import { ConcurrentChangeError, openRosterStore, type RosterStore } from "./store";
import { rebuildProgress } from "@/lib/progress/summary";
import { uploaderNames } from "./changes";
import { clampPage, parseListParams, type ListParams, type ListSpec } from "@/lib/core/list-params";
import type { Prisma } from "@/lib/db/generated/sqlite/client";
import { jobErrorJson, jobStatusSchema, RUNNING_STATUSES, type JobError } from "./job-record";

export { jobFailure, parseJobError, parseJobSummary, type JobSummary } from "./job-record";

/** Largest file accepted: a 200,000-row roster is about 40 MB as CSV, 12 MB as XLSX. */
export const MAX_IMPORT_BYTES = MAX_UPLOAD_BYTES;

async function writeIssues(jobId: string, issues: PlannedIssue[]): Promise<void> {
  await db.importRowIssue.createMany({ data: issues.map((i) => ({ ...i, jobId })) });
}

async function writeChanges(jobId: string, changes: PlannedChange[]): Promise<void> {
  await db.importChange.createMany({ data: changes.map((c) => ({ ...c, jobId })) });
}

/** Progress for the polling page, at most twice a second. */
function progressWriter(jobId: string) {
  let last = 0;
  return async (processedRows: number) => {
    const now = Date.now();
    if (now - last < 500) return;
    last = now;
    await db.importJob.update({ where: { id: jobId }, data: { processedRows } });
  };
}

async function failJob(jobId: string, error: JobError): Promise<void> {
  await db.importJob.update({
    where: { id: jobId },
    data: { status: "failed", error: jobErrorJson(error), finishedAt: new Date() },
  });
}

/** An upload: its bytes in memory (API calls, tests), or already spooled to a private file by the upload route. */
export type RosterUpload = { name: string; bytes: Uint8Array } | { name: string; spooled: SpooledFile };

/**
 * Stores an uploaded roster privately and creates its job (status previewing). The caller then runs
 * runPreview(jobId) — in the background for the page, awaited in tests. A spooled file is moved into place,
 * or removed when the upload is refused.
 */
export async function createRosterImport(
  actor: Actor,
  file: RosterUpload,
): Promise<Result<{ jobId: string }>> {
  const refused = await checkUpload(actor, file);
  if (refused) {
    if ("spooled" in file) await rm(file.spooled.path, { force: true });
    return refused;
  }
  const format = formatOf(file.name) as "csv" | "xlsx";
  const size = "spooled" in file ? file.spooled.size : file.bytes.byteLength;

  const id = newId();
  const fileKey = `${id}.${format}`;
  if ("spooled" in file) await rename(file.spooled.path, importFilePath(fileKey));
  else await saveImportFile(fileKey, file.bytes);
  await createJob(actor, { id, fileKey, fileName: file.name, uploaded: { bytes: size } });
  return ok({ jobId: id });
}

/**
 * A job for records handed over directly (PUT /api/v1/records): no file is stored; the caller passes the
 * same rows to runPreview and runCommit (`rows`). Refused while a commit runs, like an upload.
 */
export async function createRecordsImport(
  actor: Actor,
  name: string,
  records: number,
): Promise<Result<{ jobId: string }>> {
  assertCan(actor, "roster.import");
  if (await commitRunning()) return refuse("busy", "import.errors.busy");
  const id = newId();
  await createJob(actor, { id, fileKey: `${id}.records`, fileName: name, uploaded: { records } });
  return ok({ jobId: id });
}

/** The job row (previewing, heartbeat started) and its audit entry, in one transaction. */
async function createJob(
  actor: Actor,
  job: { id: string; fileKey: string; fileName: string; uploaded: Record<string, number> },
): Promise<void> {
  const fileName = job.fileName.replace(/[\\/]/g, "_").slice(0, 200);
  await db.$transaction(async (tx) => {
    await tx.importJob.create({
      data: {
        id: job.id,
        kind: "roster",
        status: "previewing",
        fileName,
        fileKey: job.fileKey,
        createdById: actorId(actor),
        heartbeatAt: new Date(),
      },
    });
    await audit(tx, actor, {
      action: "roster.upload",
      targetType: "ImportJob",
      targetId: job.id,
      after: { fileName, ...job.uploaded },
    });
  });
}

/** Why an upload cannot become a job (type, size, content sniffed from its first bytes, busy), or null. */
async function checkUpload(actor: Actor, file: RosterUpload): Promise<Result<never> | null> {
  assertCan(actor, "roster.import");
  const format = formatOf(file.name);
  if (!format) return fail("import.errors.fileType");
  const size = "spooled" in file ? file.spooled.size : file.bytes.byteLength;
  const head = "spooled" in file ? file.spooled.head : file.bytes;
  if (size === 0) return fail("import.errors.emptyFile");
  if (size > MAX_IMPORT_BYTES)
    return refuse("tooLarge", "import.errors.fileTooLarge", { mb: MAX_IMPORT_BYTES / 1024 / 1024 });
  const isZip = head[0] === 0x50 && head[1] === 0x4b;
  if (format === "xlsx" && !isZip) return fail("import.errors.notXlsx");
  if (format === "csv" && isZip) return fail("import.errors.fileType");
  if (await commitRunning()) return refuse("busy", "import.errors.busy");
  return null;
}

/** The busy check alone, for the upload route to answer before it reads a byte of the body. */
export async function rosterImportBusy(actor: Actor): Promise<boolean> {
  assertCan(actor, "roster.import");
  return commitRunning();
}

function actorId(actor: Actor): string {
  return actor.kind === "staff" ? actor.staffUserId : actor.kind === "api" ? actor.tokenId : actor.accountId;
}

/**
 * How a job run reads its rows: from the job's stored file, or `rows` handed over directly (the API's
 * records, which are never written to a file).
 */
export type RunOptions = { today?: Date; rows?: AsyncIterable<SheetRow> };

/** Where a job's rows come from. */
function sourceOf(fileKey: string, options: RunOptions): RosterSource {
  if (options.rows) return { rows: options.rows };
  return { filePath: importFilePath(fileKey), format: fileKey.endsWith(".xlsx") ? "xlsx" : "csv" };
}

/** Dry run: classifies every row and writes the per-row report; changes no record. */
export async function runPreview(jobId: string, options: RunOptions = {}): Promise<void> {
  return track(jobId, () => previewNow(jobId, options));
}

/** Where a preview leaves its decisions for the commit: the staged operations and the plan summary. */
const stagingPathOf = (jobId: string) => importFilePath(`${jobId}.ops.ndjson`);
const planPathOf = (jobId: string) => importFilePath(`${jobId}.plan.json`);

export async function removeStaging(jobId: string): Promise<void> {
  await Promise.all([rm(stagingPathOf(jobId), { force: true }), rm(planPathOf(jobId), { force: true })]);
}

/**
 * The planning pass, writing its decisions to the job's staging file. The preview runs it once; the commit
 * replays what the preview staged — safe because the write pass checks every updated record's version
 * and inserts fail on a 学号 or unit created meanwhile, rolling everything back — and only plans again when
 * the staging is missing.
 */
async function plan(
  jobId: string,
  fileKey: string,
  store: RosterStore,
  options: RunOptions,
): Promise<PlanResult> {
  await ensureImportsDir();
  const staging = new StagingWriter(stagingPathOf(jobId));
  try {
    await db.importRowIssue.deleteMany({ where: { jobId } });
    await db.importChange.deleteMany({ where: { jobId } });
    const result = await planRoster({
      ...sourceOf(fileKey, options),
      store,
      schoolName: await schoolName(),
      staging,
      today: options.today,
      onIssues: (issues) => writeIssues(jobId, issues),
      onChanges: (changes) => writeChanges(jobId, changes),
      onProgress: progressWriter(jobId),
    });
    await staging.close();
    if (result.ok) await writeFile(planPathOf(jobId), JSON.stringify(result.summary), { mode: 0o600 });
    else await removeStaging(jobId);
    return result;
  } catch (error) {
    await staging.close().catch(() => undefined);
    await removeStaging(jobId);
    throw error;
  }
}

async function stagedPlan(jobId: string): Promise<PlanSummary | null> {
  try {
    await access(stagingPathOf(jobId));
    return planSummarySchema.parse(JSON.parse(await readFile(planPathOf(jobId), "utf8")));
  } catch {
    return null;
  }
}

async function previewNow(jobId: string, options: RunOptions): Promise<void> {
  const job = await db.importJob.findUnique({ where: { id: jobId } });
  if (!job || job.status !== "previewing") return;
  const store = await openRosterStore();
  try {
    const result = await plan(jobId, job.fileKey, store, options);
    if (!result.ok)
      return failJob(jobId, { key: `import.errors.${result.error.key}`, params: result.error.params });
    await db.importJob.update({
      where: { id: jobId },
      data: {
        status: "previewed",
        ...jobCountsOf(result.summary),
        summary: JSON.stringify(jobSummaryOf(result.summary)),
        finishedAt: new Date(),
      },
    });
  } catch (error) {
    console.error("roster preview failed", error);
    await failJob(jobId, { key: "import.errors.unexpected" });
  } finally {
    await store.close();
  }
}

/** Moves a previewed job to "committing"; the caller then runs runCommit(jobId, actor). */
export async function startCommit(actor: Actor, jobId: string): Promise<Result<{ jobId: string }>> {
  assertCan(actor, "roster.import");
  if (await commitRunning()) return refuse("busy", "import.errors.busy");
  // the heartbeat starts now: the commit itself begins after the response, and until then nothing beats
  const updated = await db.importJob.updateMany({
    where: { id: jobId, kind: "roster", status: "previewed" },
    data: { status: "committing", processedRows: 0, finishedAt: null, heartbeatAt: new Date() },
  });
  if (updated.count !== 1) return fail("import.errors.notCommittable");
  return ok({ jobId });
}

export type CommitHooks = {
  /** called after each written batch inside the write transaction (tests use it to fail mid-way) */
  afterBatch?: (written: number) => void | Promise<void>;
};

/**
 * Commit: the planning pass again (against the database as it is now) writing its decisions to a staging
 * file, then the write pass replaying them in one transaction — all rows or none. Records changed by
 * someone else between the two passes abort the write (version check); the registrar simply runs it again.
 */
export async function runCommit(
  jobId: string,
  actor: Actor,
  hooks: CommitHooks = {},
  options: RunOptions = {},
): Promise<void> {
  return track(jobId, () => commitNow(jobId, actor, hooks, options));
}

async function commitNow(
  jobId: string,
  actor: Actor,
  hooks: CommitHooks,
  options: RunOptions,
): Promise<void> {
  const job = await db.importJob.findUnique({ where: { id: jobId } });
  if (!job || job.status !== "committing") return;
  const store = await openRosterStore();
  try {
    let summary = await stagedPlan(jobId);
    if (!summary) {
      const result = await plan(jobId, job.fileKey, store, options);
      if (!result.ok)
        return failJob(jobId, { key: `import.errors.${result.error.key}`, params: result.error.params });
      summary = result.summary;
    }
    // On SQLite the write pass holds the database's write lock: a heartbeat would wait for it (and stall
    // the app's connection), so it pauses for these seconds — STALE_AFTER_MS leaves room for them.
    await heartbeatOf(jobId)?.quiet(() =>
      writePass(store, job.id, stagingPathOf(jobId), summary, actor, hooks),
    );
    // The records were written through the store's own connection: recount the dashboards' summary. The
    // import has committed by now; a failed recount is left to `npm run progress:rebuild`, not the job.
    await rebuildProgress().catch((error) => console.error("progress summary rebuild failed", error));
    await removeImportFile(job.fileKey);
  } catch (error) {
    await store.close(); // roll back first: on SQLite the open write transaction would block failJob
    if (!(error instanceof ConcurrentChangeError)) console.error("roster commit failed", error);
    await failJob(
      jobId,
      error instanceof ConcurrentChangeError
        ? { key: "import.errors.concurrentChange" }
        : { key: "import.errors.writeFailed" },
    );
  } finally {
    await store.close();
    await removeStaging(jobId);
  }
}

async function writePass(
  writer: RosterStore,
  jobId: string,
  stagingPath: string,
  summary: PlanSummary,
  actor: Actor,
  hooks: CommitHooks,
): Promise<void> {
  const now = new Date();
  const staffId = actor.kind === "staff" ? actor.staffUserId : null;
  await writer.begin({ inserts: summary.newRows });
  await writer.insertUnits(summary.created, now);
  await writeOperations(readStaged(stagingPath), {
    store: writer,
    now,
    staffId,
    afterBatch: hooks.afterBatch,
  });
  const actorCols =
    actor.kind === "staff"
      ? { actorType: "staff", actorId: actor.staffUserId, actorLabel: actor.username }
      : actor.kind === "api"
        ? { actorType: "api", actorId: actor.tokenId, actorLabel: actor.tokenName }
        : { actorType: "student", actorId: actor.accountId, actorLabel: null };
  await writer.finish(
    {
      id: jobId,
      status: "committed",
      ...jobCountsOf(summary),
      summary: JSON.stringify(jobSummaryOf(summary)),
      finishedAt: new Date(),
    },
    {
      id: newId(),
      ...actorCols,
      action: "roster.commit",
      targetType: "ImportJob",
      targetId: jobId,
      after: JSON.stringify({ ...jobCountsOf(summary), created: jobSummaryOf(summary).created.counts }),
      createdAt: now,
    },
  );
}

export async function getImportJob(actor: Actor, jobId: string) {
  assertCan(actor, "roster.import");
  const job = await db.importJob.findUnique({ where: { id: jobId } });
  return job && { ...job, status: jobStatusSchema.parse(job.status) };
}

/** The latest jobs with who uploaded each (display name, or the API token's name). */
/** The import list's sortable columns, each mapped to its own ordering (never a field name from the URL). */
const JOB_ORDER = {
  time: (dir) => ({ createdAt: dir }),
  file: (dir) => ({ fileName: dir }),
  kind: (dir) => ({ kind: dir }),
  status: (dir) => ({ status: dir }),
  rows: (dir) => ({ totalRows: dir }),
} satisfies Record<string, (dir: "asc" | "desc") => Prisma.ImportJobOrderByWithRelationInput>;
export type ImportJobSort = keyof typeof JOB_ORDER;
export const IMPORT_JOB_LIST: ListSpec<ImportJobSort> = {
  sorts: ["time", "file", "kind", "status", "rows"],
  defaultSort: "time",
  defaultDir: "desc",
  defaultPageSize: 20,
};
export const importJobListParams = (raw: Record<string, unknown>) => parseListParams(IMPORT_JOB_LIST, raw);

/** One page of the uploads (roster imports and graduation locks), with who uploaded each. */
export async function listImportJobsPage(actor: Actor, list: ListParams<ImportJobSort>) {
  assertCan(actor, "roster.import");
  const total = await db.importJob.count();
  const { page, pages } = clampPage(list.page, total, list.pageSize);
  const jobs = await db.importJob.findMany({
    orderBy: [JOB_ORDER[list.sort](list.dir), { createdAt: "desc" }, { id: "asc" }],
    skip: (page - 1) * list.pageSize,
    take: list.pageSize,
  });
  const names = await uploaderNames(jobs.map((j) => j.createdById));
  return {
    rows: jobs.map((j) => ({
      ...j,
      status: jobStatusSchema.parse(j.status),
      uploadedBy: names.get(j.createdById) ?? null,
    })),
    total,
    page,
    pages,
  };
}

/** The latest uploads, newest first. */
export async function listImportJobs(actor: Actor, take: 20 | 50 | 100 = 20) {
  const { rows } = await listImportJobsPage(actor, {
    ...parseListParams(IMPORT_JOB_LIST, {}),
    pageSize: take,
  });
  return rows;
}

export const issuePageSchema = z.object({ page: z.coerce.number().int().min(1).max(100_000).catch(1) });

export async function listIssues(
  actor: Actor,
  jobId: string,
  options: { page: number; severity?: "error" | "conflict"; pageSize?: number },
) {
  assertCan(actor, "roster.import");
  const pageSize = options.pageSize ?? 50;
  const where = { jobId, ...(options.severity ? { severity: options.severity } : {}) };
  const [rows, total] = await Promise.all([
    db.importRowIssue.findMany({
      where,
      orderBy: [{ rowNumber: "asc" }, { id: "asc" }],
      skip: (options.page - 1) * pageSize,
      take: pageSize,
    }),
    db.importRowIssue.count({ where }),
  ]);
  return { rows, total, pageSize };
}

/** How often a working process stamps its job, and how long a silent running job counts as alive. */
export const HEARTBEAT_MS = 5_000;
export const STALE_AFTER_MS = 24 * HEARTBEAT_MS;

type Heartbeat = { quiet<T>(work: () => Promise<T>): Promise<T> };

/**
 * Heartbeats of the jobs this process is working on. Kept on globalThis: each route's server bundle may
 * hold its own copy of this module.
 */
const beating: Map<string, Heartbeat> = ((
  globalThis as { __rosterImportHeartbeats?: Map<string, Heartbeat> }
).__rosterImportHeartbeats ??= new Map<string, Heartbeat>());

function heartbeatOf(jobId: string): Heartbeat | undefined {
  return beating.get(jobId);
}

/**
 * Runs a preview or commit while stamping the job's `heartbeatAt` every HEARTBEAT_MS, so other requests
 * (and other app instances on PostgreSQL) can tell a working job from one whose process died. A stamp
 * never overlaps the previous one, and a failed stamp is only logged: the work goes on.
 */
export async function track<T>(jobId: string, work: () => Promise<T>): Promise<T> {
  let paused = 0;
  let inFlight = false;
  const stamp = async () => {
    if (paused > 0 || inFlight) return;
    inFlight = true;
    try {
      await db.importJob.updateMany({
        where: { id: jobId, status: { in: RUNNING_STATUSES } },
        data: { heartbeatAt: new Date() },
      });
    } catch (error) {
      console.error("import heartbeat failed", error);
    } finally {
      inFlight = false;
    }
  };
  const timer = setInterval(() => void stamp(), HEARTBEAT_MS);
  timer.unref?.();
  beating.set(jobId, {
    async quiet(inner) {
      paused++;
      try {
        return await inner();
      } finally {
        paused--;
      }
    },
  });
  try {
    await stamp();
    return await work();
  } finally {
    clearInterval(timer);
    beating.delete(jobId);
  }
}

/**
 * A roster commit is running (the busy check of an upload or a commit). Jobs whose worker stopped are
 * swept first, so after a crash the next upload goes through instead of being refused as busy forever.
 */
async function commitRunning(now: Date = new Date()): Promise<boolean> {
  await failStaleJobs(now);
  const running = await db.importJob.count({ where: { kind: "roster", status: "committing" } });
  return running > 0;
}

/**
 * Marks running jobs whose heartbeat stopped more than STALE_AFTER_MS ago as failed: their process died or
 * restarted (the write pass rolled back with its connection). Only previewing/committing jobs can be stale;
 * a preview waiting for the registrar's confirmation is never, whatever its age.
 */
export async function failStaleJobs(now: Date = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - STALE_AFTER_MS);
  const { count } = await db.importJob.updateMany({
    where: {
      status: { in: RUNNING_STATUSES },
      OR: [{ heartbeatAt: { lt: cutoff } }, { heartbeatAt: null, createdAt: { lt: cutoff } }],
    },
    data: { status: "failed", error: jobErrorJson({ key: "import.errors.interrupted" }), finishedAt: now },
  });
  return count;
}

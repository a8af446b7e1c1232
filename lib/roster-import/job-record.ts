import { z } from "zod";
import type { Failure, FailureKind } from "@/lib/core/result";

/**
 * What an ImportJob row holds beyond its counts, in one place: the status as a typed enum, and the JSON
 * columns `summary` and `error` written and read back through one zod schema each (never with casts).
 */
export const JOB_STATUSES = [
  "previewing",
  "previewed",
  "committing",
  "committed",
  "failed",
  "discarded",
  "undone",
] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];
export const jobStatusSchema = z.enum(JOB_STATUSES);

/** A job a process is working on (its heartbeat must keep beating). */
export const RUNNING_STATUSES: JobStatus[] = ["previewing", "committing"];

const paramsSchema = z.record(z.string(), z.union([z.string(), z.number()]));

/** Why a job failed: a message key with its parameters (stored as JSON in ImportJob.error). */
export const jobErrorSchema = z.object({ key: z.string(), params: paramsSchema.optional() });
export type JobError = z.infer<typeof jobErrorSchema>;

/**
 * The kind of each job failure that is not plain bad input, kept beside the keys the job runner writes
 * (the stored JSON stays `{ key, params }`): a commit that lost to a concurrent change is busy — run it again.
 */
const JOB_ERROR_KINDS: Record<string, FailureKind> = {
  "import.errors.concurrentChange": "busy",
  "import.errors.busy": "busy",
};

/** A failed job's error as a failed Result. */
export function jobFailure(error: JobError): Failure {
  return { ok: false, kind: JOB_ERROR_KINDS[error.key], error: { key: error.key, params: error.params } };
}

/** What a roster preview found besides its counts: columns it ignored, organisation units it creates. */
export const jobSummarySchema = z.object({
  ignoredColumns: z.array(z.string()),
  created: z.object({
    colleges: z.array(z.string()),
    majors: z.array(z.object({ college: z.string(), name: z.string() })),
    classGroups: z.array(z.object({ college: z.string(), major: z.string(), name: z.string() })),
    counts: z.object({ colleges: z.number(), majors: z.number(), classGroups: z.number() }),
  }),
});
export type JobSummary = z.infer<typeof jobSummarySchema>;

function parseJson<T>(schema: z.ZodType<T>, json: string | null | undefined): T | null {
  if (!json) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export const parseJobError = (json: string | null | undefined): JobError | null =>
  parseJson(jobErrorSchema, json);
export const parseJobSummary = (json: string | null | undefined): JobSummary | null =>
  parseJson(jobSummarySchema, json);
export const jobErrorJson = (error: JobError): string => JSON.stringify(error);

import { z } from "zod";
import type { JobSummary } from "../job-record";

const unitSchema = { id: z.string(), name: z.string() };

/**
 * What a planning pass found, besides its per-row report: the counts and the units to create. The preview
 * keeps it next to its staged operations for the commit, read back through this schema.
 */
export const planSummarySchema = z.object({
  totalRows: z.number(),
  newRows: z.number(),
  changedRows: z.number(),
  unchangedRows: z.number(),
  errorRows: z.number(),
  conflictRows: z.number(),
  ignoredColumns: z.array(z.string()),
  created: z.object({
    colleges: z.array(z.object({ ...unitSchema, code: z.string() })),
    majors: z.array(z.object({ ...unitSchema, collegeId: z.string(), collegeName: z.string() })),
    classGroups: z.array(
      z.object({
        ...unitSchema,
        collegeId: z.string(),
        majorId: z.string(),
        collegeName: z.string(),
        majorName: z.string(),
      }),
    ),
  }),
});
export type PlanSummary = z.infer<typeof planSummarySchema>;

export function emptyPlanSummary(created: PlanSummary["created"], ignoredColumns: string[]): PlanSummary {
  return {
    totalRows: 0,
    newRows: 0,
    changedRows: 0,
    unchangedRows: 0,
    errorRows: 0,
    conflictRows: 0,
    ignoredColumns,
    created,
  };
}

/** Units listed by name in the job summary (all are counted). */
const LIST_CAP = 1000;

/** The job's summary column: ignored columns and the units created, by name. */
export function jobSummaryOf(summary: PlanSummary): JobSummary {
  const { colleges, majors, classGroups } = summary.created;
  return {
    ignoredColumns: summary.ignoredColumns,
    created: {
      colleges: colleges.slice(0, LIST_CAP).map((c) => c.name),
      majors: majors.slice(0, LIST_CAP).map((m) => ({ college: m.collegeName, name: m.name })),
      classGroups: classGroups
        .slice(0, LIST_CAP)
        .map((g) => ({ college: g.collegeName, major: g.majorName, name: g.name })),
      counts: { colleges: colleges.length, majors: majors.length, classGroups: classGroups.length },
    },
  };
}

/** The job's count columns. */
export const jobCountsOf = (s: PlanSummary) => ({
  totalRows: s.totalRows,
  processedRows: s.totalRows,
  newRows: s.newRows,
  changedRows: s.changedRows,
  unchangedRows: s.unchangedRows,
  errorRows: s.errorRows,
  conflictRows: s.conflictRows,
});

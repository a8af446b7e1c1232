import "server-only";
import { z } from "zod";
import type { ApiActor } from "@/lib/auth/actor";
import { assertCan, recordScopeWhere } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { fail, ok, type Result } from "@/lib/core/result";
import { OPEN_STATUSES } from "@/lib/corrections/status";

export const studentNumberParamSchema = z
  .string()
  .regex(/^[0-9A-Za-z]{1,40}$/)
  .meta({ description: "学号", example: "202301010001" });

export const studentStatusSchema = z
  .object({
    studentNumber: z.string().meta({ example: "202301010001" }),
    name: z.string().meta({ example: "李思远" }),
    collegeName: z.string(),
    status: z.string().meta({ description: "学籍状态", example: "在籍(注册学籍)" }),
    graduationRegistered: z.boolean().meta({ description: "学历注册 done: the record is locked" }),
    registered: z.boolean().meta({ description: "a verified 学信网 account holds the record" }),
    selfChecks: z
      .array(
        z.object({
          campaignId: z.string(),
          campaignName: z.string(),
          viewedAt: z.string().nullable(),
          confirmedAt: z.string().nullable(),
          reportedAt: z.string().nullable(),
        }),
      )
      .meta({ description: "the student's self-check in each campaign, newest first" }),
    openCorrection: z
      .object({ id: z.string(), status: z.string(), createdAt: z.string() })
      .nullable()
      .meta({ description: "the correction request being handled, if any (已报错)" }),
  })
  .meta({ id: "StudentStatus" });
export type StudentStatus = z.infer<typeof studentStatusSchema>;

/**
 * One student's self-check status by 学号, inside the token's colleges (another college's student is "not
 * found", like an unknown 学号). No ID number or phone leaves: the status is what other systems need.
 */
export async function studentStatus(actor: ApiActor, studentNumber: string): Promise<Result<StudentStatus>> {
  assertCan(actor, "progress.viewCollege");
  const record = await db.enrollmentRecord.findFirst({
    where: { studentNumber, ...recordScopeWhere(actor) },
    select: {
      id: true,
      studentNumber: true,
      name: true,
      status: true,
      graduationRegistered: true,
      accountId: true,
      college: { select: { name: true } },
      selfChecks: {
        orderBy: { firstViewedAt: "desc" },
        take: 20,
        select: {
          campaignId: true,
          firstViewedAt: true,
          confirmedAt: true,
          reportedAt: true,
          campaign: { select: { name: true } },
        },
      },
      corrections: {
        where: { status: { in: [...OPEN_STATUSES] } },
        take: 1,
        select: { id: true, status: true, createdAt: true },
      },
    },
  });
  if (!record) return fail("api.errors.notFound");
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  const open = record.corrections[0];
  return ok({
    studentNumber: record.studentNumber,
    name: record.name,
    collegeName: record.college.name,
    status: record.status,
    graduationRegistered: record.graduationRegistered,
    registered: record.accountId !== null,
    selfChecks: record.selfChecks.map((s) => ({
      campaignId: s.campaignId,
      campaignName: s.campaign.name,
      viewedAt: iso(s.firstViewedAt),
      confirmedAt: iso(s.confirmedAt),
      reportedAt: iso(s.reportedAt),
    })),
    openCorrection: open
      ? { id: open.id, status: open.status, createdAt: open.createdAt.toISOString() }
      : null,
  });
}

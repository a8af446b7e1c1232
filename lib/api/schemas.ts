import { z } from "zod";
import { CORRECTION_STATUSES } from "@/lib/corrections/status";

/**
 * The /api/v1 contract. These zod schemas validate every request and generate the OpenAPI document
 * (`.meta` carries the names and descriptions), so the two cannot drift apart. Field names follow the
 * ENGINEERING glossary; the domain rules (ID check digit, dates, birth date vs ID number …) are the
 * roster import's, applied after this shape check.
 */
const text = (max: number, description: string, example?: string) =>
  z
    .string()
    .max(max)
    .meta({ description, ...(example ? { example } : {}) });

export const MAX_RECORDS_PER_CALL = 1000;

export const apiRecordSchema = z
  .object({
    studentNumber: text(32, "学号 — the upsert key", "2023010101"),
    name: text(50, "姓名", "张三"),
    gender: text(4, "性别: 男 | 女", "男"),
    birthDate: text(10, "出生日期, YYYY-MM-DD; must agree with the ID number", "2005-03-07"),
    ethnicity: text(20, "民族", "汉族"),
    idType: text(
      20,
      "证件类型: resident_id | hk_macao_residence | taiwan_residence | passport | other (or the Chinese label)",
      "resident_id",
    ),
    idNumber: text(
      40,
      "证件号码 (18-digit resident ID numbers are checked: check digit, birth date)",
      "110101200503070013",
    ),
    level: text(20, "层次", "本科"),
    major: text(100, "专业 (created under the college when new)", "计算机科学与技术"),
    duration: text(10, "学制", "4"),
    educationCategory: text(20, "学历类别", "普通"),
    studyMode: text(20, "学习形式", "普通全日制"),
    college: text(100, "分院 — the college name (created when new)", "计算机与信息工程学院"),
    department: text(100, "系(所、函授站); may be empty", "").optional(),
    classGroup: text(100, "班级 (created when new)", "计算机2301班"),
    enrolledOn: text(10, "入学日期, YYYY-MM-DD", "2023-09-01"),
    expectedGraduationOn: text(10, "预计毕业日期, YYYY-MM-DD", "2027-06-30"),
    status: text(40, "学籍状态", "在籍(注册学籍)"),
  })
  .meta({ id: "EnrollmentRecordInput", description: "One enrollment record (SPEC §4.2 fields)." });

export const upsertRecordsBodySchema = z
  .object({ records: z.array(apiRecordSchema).min(1).max(MAX_RECORDS_PER_CALL) })
  .meta({ id: "UpsertRecordsRequest" });

/** The envelope is checked first; each record is then checked on its own so one bad item fails alone. */
export const upsertEnvelopeSchema = z.object({
  records: z.array(z.unknown()).min(1).max(MAX_RECORDS_PER_CALL),
});

export const itemIssueSchema = z
  .object({
    field: z.string().nullable().meta({ description: "record field, or null for the whole record" }),
    code: z.string().meta({ description: "stable message key" }),
    message: z.string(),
  })
  .meta({ id: "ItemIssue" });

export const upsertItemResultSchema = z
  .object({
    index: z.number().int().meta({ description: "position in the request's records array" }),
    studentNumber: z.string().nullable(),
    outcome: z.enum(["created", "updated", "unchanged", "error", "conflict"]).meta({
      description:
        "conflict: a field changed by an approved correction differs from the sent value; that field was kept and is listed for the registrar's decision (other fields were applied)",
    }),
    issues: z.array(itemIssueSchema).optional(),
  })
  .meta({ id: "UpsertItemResult" });

export const upsertRecordsResponseSchema = z
  .object({
    importJobId: z
      .string()
      .nullable()
      .meta({ description: "the roster import job that applied the records (visible under /registrar)" }),
    summary: z.object({
      received: z.number().int(),
      created: z.number().int(),
      updated: z.number().int(),
      unchanged: z.number().int(),
      errors: z.number().int(),
      conflicts: z.number().int(),
    }),
    results: z.array(upsertItemResultSchema),
  })
  .meta({ id: "UpsertRecordsResponse" });

export const selfCheckStatusQuerySchema = z.object({
  cohort: z
    .string()
    .regex(/^\d{4}$/)
    .meta({ description: "cohort (year of 入学日期)", example: "2023" }),
  collegeCode: z
    .string()
    .max(20)
    .optional()
    .meta({ description: "limit to one college (its code)", example: "C01" }),
  campaignId: z
    .string()
    .max(40)
    .optional()
    .meta({ description: "a specific campaign; default: the open (else latest) campaign of the cohort" }),
});

export const collegeStatusSchema = z
  .object({
    collegeCode: z.string(),
    collegeName: z.string(),
    records: z
      .number()
      .int()
      .meta({ description: "records of the cohort (and campaign level) in this college" }),
    registered: z.number().int().meta({ description: "records matched to a verified student account" }),
    viewed: z
      .number()
      .int()
      .meta({ description: "records viewed by their student in the campaign (已查看)" }),
    confirmed: z.number().int().meta({ description: "confirmed (确认无误) in the campaign" }),
    reported: z.number().int().meta({
      description: "reported as wrong (信息有误) in the campaign, or with a correction request filed in it",
    }),
  })
  .meta({ id: "CollegeSelfCheckStatus" });

export const selfCheckStatusResponseSchema = z
  .object({
    cohort: z.string(),
    campaign: z
      .object({
        id: z.string(),
        name: z.string(),
        level: z.string(),
        startsAt: z.string(),
        endsAt: z.string(),
      })
      .nullable()
      .meta({
        description:
          "the campaign counted; null when the cohort has none (viewed/confirmed/reported are then 0)",
      }),
    colleges: z.array(collegeStatusSchema),
    totals: collegeStatusSchema.omit({ collegeCode: true, collegeName: true }),
  })
  .meta({ id: "SelfCheckStatusResponse" });

export const correctionListQuerySchema = z.object({
  status: z
    .enum([...CORRECTION_STATUSES, "all"])
    .optional()
    .meta({ description: "default: the requests waiting for this token's review stage" }),
  q: z.string().max(50).optional().meta({ description: "学号 prefix or name" }),
  page: z.coerce.number().int().min(1).max(100_000).optional(),
});

export const correctionRowSchema = z
  .object({
    id: z.string(),
    status: z.enum(CORRECTION_STATUSES),
    route: z.string().meta({ description: "school | provincial (record already 学历注册)" }),
    lockVersion: z
      .number()
      .int()
      .meta({ description: "send it back with the decision to refuse stale decisions" }),
    createdAt: z.string(),
    studentName: z.string(),
    studentNumber: z.string(),
    collegeName: z.string(),
    className: z.string(),
    fields: z.array(z.string()),
    highRisk: z.boolean().meta({ description: "contains 姓名/证件号码/出生日期/性别/民族" }),
    evidenceCount: z.number().int(),
  })
  .meta({ id: "CorrectionSummary" });

export const correctionListResponseSchema = z
  .object({
    stage: z.enum(["college", "registrar"]),
    page: z.number().int(),
    pages: z.number().int(),
    total: z.number().int(),
    corrections: z.array(correctionRowSchema),
  })
  .meta({ id: "CorrectionList" });

export const correctionItemSchema = z
  .object({
    id: z.string(),
    field: z.string(),
    submitted: z.string().meta({ description: "value on the record when filed (ID numbers masked)" }),
    current: z.string(),
    requested: z.string(),
    reason: z.string(),
    collegeDecision: z.enum(["pending", "accepted", "rejected"]),
    collegeReason: z.string().nullable(),
    registrarDecision: z.enum(["pending", "accepted", "rejected"]),
    registrarReason: z.string().nullable(),
  })
  .meta({ id: "CorrectionItem" });

export const correctionDetailSchema = z
  .object({
    id: z.string(),
    status: z.enum(CORRECTION_STATUSES),
    route: z.string(),
    lockVersion: z.number().int(),
    createdAt: z.string(),
    collegeNote: z.string().nullable(),
    registrarNote: z.string().nullable(),
    record: z.object({
      id: z.string(),
      name: z.string(),
      studentNumber: z.string(),
      collegeName: z.string(),
      majorName: z.string(),
      className: z.string(),
      version: z.number().int(),
      graduationRegistered: z.boolean(),
    }),
    items: z.array(correctionItemSchema),
  })
  .meta({ id: "CorrectionDetail" });

export const decisionBodySchema = z
  .object({
    lockVersion: z
      .number()
      .int()
      .min(0)
      .optional()
      .meta({ description: "the lockVersion you read; a request changed since is refused (409)" }),
    decisions: z
      .array(
        z.object({
          itemId: z.string().min(1).max(40),
          decision: z.enum(["accepted", "rejected"]),
          reason: z
            .string()
            .max(500)
            .optional()
            .meta({ description: "required for a rejection unless `note` is given" }),
        }),
      )
      .min(1)
      .max(20)
      .meta({ description: "one decision for every item under review at this stage" }),
    note: z.string().max(500).optional(),
    provincialRef: z.string().max(60).optional().meta({
      description:
        "文号 of the provincial department's decision; required when deciding a provincial_pending request",
      example: "鄂教学〔2026〕12号",
    }),
  })
  .meta({ id: "CorrectionDecision" });

export const decisionResponseSchema = z
  .object({
    stage: z.enum(["college", "registrar"]),
    status: z.enum(CORRECTION_STATUSES),
    accepted: z.number().int(),
    rejected: z.number().int(),
  })
  .meta({ id: "CorrectionDecisionResult" });

export const apiErrorSchema = z
  .object({
    error: z
      .string()
      .meta({ description: "readable message (English; Chinese with Accept-Language: zh-CN)" }),
    code: z.string().meta({ description: "stable message key" }),
    fieldErrors: z.record(z.string(), z.string()).optional(),
  })
  .meta({ id: "Error" });

import { z } from "zod";

const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .catch(undefined);
const text = (max: number) => z.string().trim().max(max).optional().catch(undefined);

/** Filters of the audit log page and its CSV export (search params; bad values are ignored). */
export const auditFilterSchema = z.object({
  action: text(80),
  actor: text(80),
  targetType: text(40),
  targetId: text(80),
  /** a student: the full 学号 or (part of) a name */
  student: text(50),
  from: date,
  to: date,
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

import { z } from "zod";
import { STAFF_ROLES } from "@/lib/auth/actor";

/** 用户名 of a staff account: lower-case letters, digits, dot, dash, underscore; starts with a letter. */
export const staffUsernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z][a-z0-9._-]{2,31}$/);

const roles = z.array(z.enum(STAFF_ROLES)).min(1).max(STAFF_ROLES.length);
const collegeIds = z.array(z.string().min(1).max(40)).max(200).default([]);

/** Access of a staff account: the college role needs at least one college in scope. */
const access = {
  displayName: z.string().trim().min(1).max(50),
  roles,
  collegeIds,
};

function collegeScopeRule(value: { roles: string[]; collegeIds: string[] }, ctx: z.RefinementCtx) {
  if (value.roles.includes("college") && value.collegeIds.length === 0)
    ctx.addIssue({ code: "custom", path: ["collegeIds"], message: "college scope required" });
}

export const createStaffSchema = z
  .object({
    username: staffUsernameSchema,
    ...access,
    /** empty → a random password is generated and shown once */
    password: z.string().max(1024).default(""),
  })
  .superRefine(collegeScopeRule);
/** Input as it arrives from a form: every field still unchecked (the service parses it). */
export type Unchecked<T> = { [K in keyof T]?: unknown };
export type CreateStaffInput = Unchecked<z.input<typeof createStaffSchema>>;

export const updateStaffSchema = z.object(access).superRefine(collegeScopeRule);
export type UpdateStaffInput = Unchecked<z.input<typeof updateStaffSchema>>;

export const resetPasswordSchema = z.object({ password: z.string().max(1024).default("") });

export const changeOwnPasswordSchema = z.object({
  currentPassword: z.string().min(1).max(1024),
  newPassword: z.string().min(1).max(1024),
  confirmPassword: z.string().max(1024),
});

/** i18n keys for the staff form fields (admin namespace). */
export const STAFF_FIELD_KEYS: Record<string, string> = {
  username: "admin.staff.errors.username",
  displayName: "admin.staff.errors.displayName",
  roles: "admin.staff.errors.roles",
  collegeIds: "admin.staff.errors.collegeIds",
  password: "admin.staff.errors.password",
};

import "server-only";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { z } from "zod";
import { db } from "@/lib/db";
import { STAFF_ROLES, type Actor, type StaffRole } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { fail, ok, type Result } from "@/lib/core/result";
import { formatOf, readRosterRows, RosterFileError } from "@/lib/roster-import/read-file";
import { audit } from "@/lib/security/audit";
import { hashPassword } from "@/lib/security/passwords";
import { consume } from "@/lib/security/rate-limit";
import { generateInitialPassword } from "./initial-password";
import { staffUsernameSchema } from "./staff-schemas";

/**
 * 批量创建教职工账号 from a CSV or XLSX file (read by the roster import's reader: encoding detection, zip-bomb
 * checks). All or nothing: the preview lists every row with its errors at the row, and accounts are created
 * only when no row has an error — then all of them in one transaction, each with a one-time password that
 * is returned once (shown and downloadable once in the browser, never stored in clear). Audited per account
 * and once for the file; uploads and creations together are rate-limited per admin.
 */
export const BULK_MAX_ROWS = 200;
export const BULK_MAX_BYTES = 1_000_000;

const HEADERS: Record<string, "username" | "displayName" | "roles" | "colleges"> = {
  用户名: "username",
  username: "username",
  姓名: "displayName",
  displayname: "displayName",
  name: "displayName",
  角色: "roles",
  roles: "roles",
  role: "roles",
  学院代码: "colleges",
  分院代码: "colleges",
  colleges: "colleges",
  collegecodes: "colleges",
};

const ROLE_WORDS: Record<string, StaffRole> = {
  college: "college",
  学院: "college",
  分院: "college",
  辅导员: "college",
  学院工作人员: "college",
  registrar: "registrar",
  学籍管理科: "registrar",
  学籍科: "registrar",
  support: "support",
  客服: "support",
  admin: "admin",
  管理员: "admin",
  系统管理员: "admin",
};

export type BulkRow = {
  rowNumber: number;
  username: string;
  displayName: string;
  roles: string[];
  colleges: string[];
  /** i18n keys (admin.bulk.errors.*) per field */
  errors: { field: string; key: string }[];
};

export type BulkPreview = { rows: BulkRow[]; errorRows: number };

const split = (v: string) =>
  v
    .split(/[,，、;；\s]+/)
    .map((x) => x.trim())
    .filter(Boolean);
const cellText = (v: unknown) => (v === null || v === undefined ? "" : String(v)).trim();
const displayNameSchema = z
  .string()
  .min(1)
  .max(50)
  .refine((v) => !/[\u0000-\u001f\u007f<>]/.test(v));

/** Checks rows against each other and the database; errors are set on each row. */
async function validate(rows: Omit<BulkRow, "errors">[]): Promise<BulkRow[]> {
  const usernames = rows.map((r) => r.username.toLowerCase());
  const [taken, colleges] = await Promise.all([
    db.staffUser.findMany({ where: { username: { in: usernames } }, select: { username: true } }),
    db.college.findMany({ select: { code: true }, take: 5000 }),
  ]);
  const takenSet = new Set(taken.map((t) => t.username));
  // college codes are matched without regard to case (C01 = c01)
  const known = new Map(colleges.map((c) => [c.code.toLowerCase(), c.code]));
  const seen = new Map<string, number>();
  for (const u of usernames) seen.set(u, (seen.get(u) ?? 0) + 1);
  return rows.map((r) => {
    const errors: BulkRow["errors"] = [];
    const username = staffUsernameSchema.safeParse(r.username);
    if (!username.success) errors.push({ field: "username", key: "admin.bulk.errors.username" });
    else if (takenSet.has(username.data))
      errors.push({ field: "username", key: "admin.bulk.errors.usernameTaken" });
    else if ((seen.get(username.data) ?? 0) > 1)
      errors.push({ field: "username", key: "admin.bulk.errors.usernameTwice" });
    if (!displayNameSchema.safeParse(r.displayName).success)
      errors.push({ field: "displayName", key: "admin.bulk.errors.displayName" });
    const roles = r.roles.map((x) => ROLE_WORDS[x.toLowerCase()] ?? ROLE_WORDS[x]);
    if (roles.length === 0 || roles.some((x) => !x))
      errors.push({ field: "roles", key: "admin.bulk.errors.roles" });
    const codes = r.colleges.map((c) => known.get(c.toLowerCase()) ?? c);
    if (roles.includes("college") && codes.length === 0)
      errors.push({ field: "colleges", key: "admin.bulk.errors.collegesRequired" });
    else if (r.colleges.some((c) => !known.has(c.toLowerCase())))
      errors.push({ field: "colleges", key: "admin.bulk.errors.collegeUnknown" });
    return {
      ...r,
      username: username.success ? username.data : r.username,
      roles: roles.every(Boolean) ? [...new Set(roles as StaffRole[])] : r.roles,
      colleges: [...new Set(codes)],
      errors,
    };
  });
}

/** Reads an uploaded file into the preview; nothing is written. */
export async function previewStaffFile(
  actor: Actor,
  file: { name: string; bytes: Uint8Array },
): Promise<Result<BulkPreview>> {
  assertCan(actor, "staff.manage");
  if (actor.kind !== "staff") return fail("admin.errors.notFound");
  const limit = await consume("staffBulkPerAdminHour", actor.staffUserId);
  if (!limit.ok)
    return fail("admin.bulk.errors.tooMany", { minutes: Math.ceil(limit.retryAfterSeconds / 60) });
  const format = formatOf(file.name);
  if (!format) return fail("admin.bulk.errors.format");
  if (file.bytes.length === 0) return fail("admin.bulk.errors.empty");
  if (file.bytes.length > BULK_MAX_BYTES) return fail("admin.bulk.errors.tooLarge");
  const dir = await mkdtemp(path.join(tmpdir(), "staff-bulk-"));
  const filePath = path.join(dir, `upload.${format}`);
  try {
    await writeFile(filePath, file.bytes, { mode: 0o600 });
    let columns: (string | undefined)[] | null = null;
    const raw: Omit<BulkRow, "errors">[] = [];
    for await (const row of readRosterRows(filePath, format)) {
      if (!columns) {
        columns = row.cells.map((c) => HEADERS[cellText(c).replace(/\s+/g, "").toLowerCase()]);
        const present = new Set(columns.filter(Boolean));
        if (!present.has("username") || !present.has("displayName") || !present.has("roles"))
          return fail("admin.bulk.errors.headers");
        continue;
      }
      if (raw.length >= BULK_MAX_ROWS) return fail("admin.bulk.errors.tooManyRows", { max: BULK_MAX_ROWS });
      const value = (field: string) => {
        const i = columns!.indexOf(field);
        return i >= 0 ? cellText(row.cells[i]).slice(0, 200) : "";
      };
      raw.push({
        rowNumber: row.rowNumber,
        username: value("username"),
        displayName: value("displayName"),
        roles: split(value("roles")),
        colleges: split(value("colleges")),
      });
    }
    if (!columns) return fail("admin.bulk.errors.empty");
    if (raw.length === 0) return fail("admin.bulk.errors.noRows");
    const rows = await validate(raw);
    return ok({ rows, errorRows: rows.filter((r) => r.errors.length).length });
  } catch (error) {
    if (error instanceof RosterFileError) return fail("admin.bulk.errors.unreadable");
    return fail("admin.bulk.errors.unreadable");
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const submittedRows = z
  .array(
    z.object({
      rowNumber: z.number().int().min(1).max(1_000_000),
      username: z.string().max(200),
      displayName: z.string().max(200),
      roles: z.array(z.string().max(40)).max(10),
      colleges: z.array(z.string().max(40)).max(200),
    }),
  )
  .min(1)
  .max(BULK_MAX_ROWS);

export type CreatedAccount = { username: string; displayName: string; password: string };

/**
 * Creates every account of a previewed file after the admin confirmed. The rows are checked again (the
 * browser could send anything); with any error nothing is written and the preview comes back.
 */
export async function createStaffBulk(
  actor: Actor,
  input: unknown,
  meta: { ip?: string | null; fileName?: string } = {},
): Promise<Result<{ accounts: CreatedAccount[] }> & { preview?: BulkPreview }> {
  assertCan(actor, "staff.manage");
  if (actor.kind !== "staff") return fail("admin.errors.notFound");
  const parsed = submittedRows.safeParse(input);
  if (!parsed.success) return fail("admin.bulk.errors.stale");
  const limit = await consume("staffBulkPerAdminHour", actor.staffUserId);
  if (!limit.ok)
    return fail("admin.bulk.errors.tooMany", { minutes: Math.ceil(limit.retryAfterSeconds / 60) });
  const rows = await validate(parsed.data);
  const errorRows = rows.filter((r) => r.errors.length).length;
  if (errorRows)
    return { ...fail("admin.bulk.errors.rowsInvalid", { count: errorRows }), preview: { rows, errorRows } };

  const passwords = rows.map(() => generateInitialPassword());
  const hashes: string[] = [];
  for (const p of passwords) hashes.push(await hashPassword(p));
  const colleges = await db.college.findMany({
    where: { code: { in: [...new Set(rows.flatMap((r) => r.colleges))] } },
    select: { id: true, code: true },
  });
  const idOf = new Map(colleges.map((c) => [c.code, c.id]));
  try {
    await db.$transaction(
      async (tx) => {
        for (const [i, r] of rows.entries()) {
          const roles = r.roles as StaffRole[];
          const collegeCodes = roles.includes("college") ? r.colleges : [];
          const user = await tx.staffUser.create({
            data: {
              username: r.username,
              displayName: r.displayName,
              roles: STAFF_ROLES.filter((x) => roles.includes(x)).join(","),
              passwordHash: hashes[i],
              mustChangePassword: true,
              collegeScopes: {
                create: collegeCodes.map((code) => ({ collegeId: idOf.get(code) as string })),
              },
            },
          });
          await audit(tx, actor, {
            action: "staff.create",
            targetType: "staffUser",
            targetId: user.id,
            after: {
              username: user.username,
              displayName: user.displayName,
              roles,
              colleges: [...collegeCodes].sort(),
              source: "file",
            },
            ip: meta.ip,
          });
        }
        await audit(tx, actor, {
          action: "staff.bulkCreate",
          targetType: "staffUser",
          targetId: "",
          after: { count: rows.length, usernames: rows.map((r) => r.username), file: meta.fileName ?? "" },
          ip: meta.ip,
        });
      },
      { timeout: 60_000, maxWait: 10_000 },
    );
  } catch (error) {
    if (error instanceof Error && /unique/i.test(error.message)) return fail("admin.bulk.errors.stale");
    throw error;
  }
  return ok({
    accounts: rows.map((r, i) => ({
      username: r.username,
      displayName: r.displayName,
      password: passwords[i],
    })),
  });
}

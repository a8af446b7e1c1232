import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { db } from "@/lib/db";
import { createStaffBulk, previewStaffFile } from "@/lib/admin/staff-bulk";
import { verifyPassword } from "@/lib/security/passwords";
import { zip } from "../../support/zip";
import { makeCollege, makeStaff, uid } from "./fixtures";

const csv = (lines: string[]) => new TextEncoder().encode(lines.join("\r\n"));

async function xlsx(rows: string[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("账号");
  for (const r of rows) sheet.addRow(r);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe("staff accounts from a file", async () => {
  const { actor: admin } = await makeStaff("admin");
  const college = await makeCollege("批量");
  const tag = uid(3);

  it("previews a valid CSV (Chinese headers, GB18030) and creates every account after confirmation", async () => {
    const lines = [
      "用户名,姓名,角色,学院代码",
      `fdy${tag}a,王老师,学院,${college.code}`,
      `xjk${tag}b,李老师,学籍管理科、客服,`,
    ];
    const bytes = new Uint8Array(iconv.encode(lines.join("\r\n"), "gb18030"));
    const preview = await previewStaffFile(admin, { name: "账号.csv", bytes });
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    expect(preview.value.errorRows).toBe(0);
    expect(preview.value.rows).toMatchObject([
      {
        rowNumber: 2,
        username: `fdy${tag}a`,
        displayName: "王老师",
        roles: ["college"],
        colleges: [college.code],
      },
      { rowNumber: 3, username: `xjk${tag}b`, roles: ["registrar", "support"], colleges: [] },
    ]);
    // the preview wrote nothing
    expect(await db.staffUser.count({ where: { username: { startsWith: `fdy${tag}` } } })).toBe(0);

    const created = await createStaffBulk(admin, preview.value.rows, { fileName: "账号.csv" });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    expect(created.value.accounts).toHaveLength(2);
    const user = await db.staffUser.findUniqueOrThrow({
      where: { username: `fdy${tag}a` },
      include: { collegeScopes: true },
    });
    expect(user).toMatchObject({ roles: "college", mustChangePassword: true });
    expect(user.collegeScopes.map((s) => s.collegeId)).toEqual([college.id]);
    expect(await verifyPassword(user.passwordHash, created.value.accounts[0].password)).toBe(true);
    // the password itself is nowhere in the database or the audit log
    const entries = await db.auditLog.findMany({
      where: { action: { in: ["staff.create", "staff.bulkCreate"] } },
    });
    expect(JSON.stringify(entries)).not.toContain(created.value.accounts[0].password);
    expect(entries.some((e) => e.action === "staff.bulkCreate" && e.after?.includes(`fdy${tag}a`))).toBe(
      true,
    );
    // the same file again: every username is taken now, nothing is created
    const again = await previewStaffFile(admin, { name: "账号.csv", bytes });
    expect(again.ok && again.value.errorRows).toBe(2);
  });

  it("reads XLSX with English headers", async () => {
    const bytes = await xlsx([
      ["username", "name", "roles", "colleges"],
      [`ex${tag}c`, "Zhang", "college", college.code.toLowerCase()],
    ]);
    const preview = await previewStaffFile(admin, { name: "staff.xlsx", bytes });
    expect(preview).toMatchObject({
      ok: true,
      value: { errorRows: 0, rows: [{ colleges: [college.code] }] },
    });
  });

  it("puts every problem at its row and creates nothing when any row is wrong", async () => {
    await makeStaff("support"); // an existing user name below
    const existing = (await db.staffUser.findFirstOrThrow({ select: { username: true } })).username;
    const bytes = csv([
      "username,name,roles,colleges",
      `ok${tag}d,好的,college,${college.code}`,
      `Bad Name,坏,college,${college.code}`,
      `${existing},已有,support,`,
      `dup${tag}e,一,support,`,
      `dup${tag}e,二,support,`,
      `nocol${tag}f,无学院,college,`,
      `unk${tag}g,未知,college,ZZZ999`,
      `role${tag}h,角色,superuser,`,
      `x${tag}i,<script>alert(1)</script>,support,`,
      `=cmd${tag},公式,support,`,
      `sql${tag}j,"Robert'); DROP TABLE ""StaffUser"";--",support,`,
    ]);
    const preview = await previewStaffFile(admin, { name: "bad.csv", bytes });
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    const problems = Object.fromEntries(
      preview.value.rows.map((r) => [r.rowNumber, r.errors.map((e) => e.key)]),
    );
    expect(problems).toEqual({
      2: [],
      3: ["admin.bulk.errors.username"],
      4: ["admin.bulk.errors.usernameTaken"],
      5: ["admin.bulk.errors.usernameTwice"],
      6: ["admin.bulk.errors.usernameTwice"],
      7: ["admin.bulk.errors.collegesRequired"],
      8: ["admin.bulk.errors.collegeUnknown"],
      9: ["admin.bulk.errors.roles"],
      10: ["admin.bulk.errors.displayName"],
      11: ["admin.bulk.errors.username"],
      12: [],
    });
    expect(preview.value.errorRows).toBe(9);
    const before = await db.staffUser.count();
    const refused = await createStaffBulk(admin, preview.value.rows);
    expect(refused).toMatchObject({
      ok: false,
      error: { key: "admin.bulk.errors.rowsInvalid", params: { count: 9 } },
    });
    expect(await db.staffUser.count()).toBe(before);
  });

  it("checks the confirmed rows again: tampered or stale input creates nothing", async () => {
    const before = await db.staffUser.count();
    for (const input of [
      null,
      "rows",
      [],
      [
        { rowNumber: 2, username: `t${tag}k`, displayName: "篡改", roles: ["admin"], colleges: [], extra: 1 },
      ].map(({ extra: _e, ...r }) => ({ ...r, roles: ["root"] })),
      Array.from({ length: 201 }, (_, i) => ({
        rowNumber: i + 2,
        username: `many${tag}${i}`,
        displayName: "多",
        roles: ["support"],
        colleges: [],
      })),
    ]) {
      expect((await createStaffBulk(admin, input)).ok).toBe(false);
    }
    expect(await db.staffUser.count()).toBe(before);
  });

  it.each([
    ["not a spreadsheet", "x.pdf", new Uint8Array([37, 80, 68, 70]), "admin.bulk.errors.format"],
    ["an empty file", "x.csv", new Uint8Array(), "admin.bulk.errors.empty"],
    [
      "a fake XLSX",
      "x.xlsx",
      new TextEncoder().encode("username,name\nabc,def"),
      "admin.bulk.errors.unreadable",
    ],
    [
      "binary garbage as CSV",
      "x.csv",
      new Uint8Array(4096).map((_, i) => (i * 37) % 256),
      "admin.bulk.errors.headers",
    ],
    ["no required headers", "x.csv", csv(["a,b,c", "1,2,3"]), "admin.bulk.errors.headers"],
    ["only a header", "x.csv", csv(["username,name,roles"]), "admin.bulk.errors.noRows"],
    ["too large", "x.csv", new Uint8Array(1_000_001).fill(65), "admin.bulk.errors.tooLarge"],
    [
      "too many rows",
      "x.csv",
      csv(["username,name,roles", ...Array.from({ length: 201 }, (_, i) => `u${i}xx,名,support`)]),
      "admin.bulk.errors.tooManyRows",
    ],
  ])("refuses %s with a clear message", async (_label, name, bytes, key) => {
    const result = await previewStaffFile(admin, { name, bytes });
    expect(result).toMatchObject({ ok: false, error: { key } });
  });

  it("refuses a zip bomb dressed as XLSX before unpacking it", async () => {
    const bytes = new Uint8Array(
      zip([{ name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(30 * 1024 * 1024) }]),
    );
    expect(bytes.length).toBeLessThan(200_000);
    expect(await previewStaffFile(admin, { name: "bomb.xlsx", bytes })).toMatchObject({
      ok: false,
      error: { key: "admin.bulk.errors.unreadable" },
    });
  });

  it("is for admins only and rate-limited per admin", async () => {
    const { actor: registrar } = await makeStaff("registrar");
    await expect(previewStaffFile(registrar, { name: "x.csv", bytes: csv(["a"]) })).rejects.toThrow();
    const { actor: busy } = await makeStaff("admin");
    const bytes = csv(["username,name,roles", `r${tag}zz,名,support`]);
    for (let i = 0; i < 20; i++)
      expect((await previewStaffFile(busy, { name: "x.csv", bytes })).ok).toBe(true);
    expect(await previewStaffFile(busy, { name: "x.csv", bytes })).toMatchObject({
      ok: false,
      error: { key: "admin.bulk.errors.tooMany" },
    });
  });
});

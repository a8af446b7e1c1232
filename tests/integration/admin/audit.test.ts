import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AuthorizationError } from "@/lib/core/result";
import { auditCsvStream, auditFacets, listAuditLog, AUDIT_PAGE_SIZE } from "@/lib/admin/audit-log";
import { auditFilterSchema } from "@/lib/admin/audit-schemas";
import { checkDigitFor } from "@/lib/identity/id-number";
import type { StaffActor } from "@/lib/auth/actor";
import { makeStaff, uid } from "./fixtures";

let admin: StaffActor;
const tag = uid(4);
const action = (name: string) => `test${tag}.${name}`;
const idNumber = (() => {
  const first17 = "11010119900307123";
  return first17 + checkDigitFor(first17);
})();

const at = (iso: string) => new Date(iso);
const filter = (input: Record<string, string>) => auditFilterSchema.parse(input);

beforeAll(async () => {
  admin = (await makeStaff("admin")).actor;
  const rows = [
    {
      action: action("alpha"),
      actorLabel: `alice${tag}`,
      targetType: "thing",
      targetId: `t1${tag}`,
      createdAt: at("2026-03-01T01:00:00Z"),
    },
    {
      action: action("alpha"),
      actorLabel: `bob${tag}`,
      targetType: "thing",
      targetId: `t2${tag}`,
      createdAt: at("2026-03-02T15:59:00Z"),
    },
    // 2026-03-03 00:30 in Shanghai is still 2026-03-02 in UTC: it belongs to 03-03 for the school
    {
      action: action("beta"),
      actorLabel: `alice${tag}`,
      targetType: "other",
      targetId: `t3${tag}`,
      createdAt: at("2026-03-02T16:30:00Z"),
    },
    {
      action: action("gamma"),
      actorLabel: `carol${tag}`,
      targetType: "=thing",
      targetId: `t4${tag}`,
      createdAt: at("2026-03-05T04:00:00Z"),
      before: JSON.stringify({ idNumber }),
      after: JSON.stringify({ note: `=HYPERLINK("x") ${idNumber.toLowerCase()}` }),
    },
  ];
  for (const r of rows)
    await db.auditLog.create({ data: { actorType: "staff", actorId: `id-${r.actorLabel}`, ...r } });
});

describe("audit log", () => {
  it("filters by action, actor, target and school-calendar date range", async () => {
    const alpha = await listAuditLog(admin, filter({ action: action("alpha") }));
    expect(alpha.rows.map((r) => r.targetId)).toEqual([`t2${tag}`, `t1${tag}`]);
    const alice = await listAuditLog(admin, filter({ actor: `alice${tag}` }));
    expect(alice.rows.map((r) => r.targetId)).toEqual([`t3${tag}`, `t1${tag}`]);
    const byId = await listAuditLog(admin, filter({ actor: `id-bob${tag}` }));
    expect(byId.total).toBe(1);
    const target = await listAuditLog(admin, filter({ targetType: "=thing", targetId: `t4${tag}` }));
    expect(target.rows.map((r) => r.action)).toEqual([action("gamma")]);
    const day = await listAuditLog(admin, filter({ actor: tag, from: "2026-03-03", to: "2026-03-03" }));
    expect(day.rows.map((r) => r.targetId)).toEqual([`t3${tag}`]);
    const range = await listAuditLog(admin, filter({ actor: tag, from: "2026-03-01", to: "2026-03-02" }));
    expect(range.rows.map((r) => r.targetId)).toEqual([`t2${tag}`, `t1${tag}`]);
    const facets = await auditFacets(admin);
    expect(facets.actions).toEqual(
      expect.arrayContaining([action("alpha"), action("beta"), action("gamma")]),
    );
    expect(facets.targetTypes).toEqual(expect.arrayContaining(["thing", "other"]));
  });

  it("pages through the log and ignores malformed filters", async () => {
    const many = action("many");
    for (let i = 0; i < AUDIT_PAGE_SIZE + 3; i++)
      await db.auditLog.create({
        data: {
          actorType: "system",
          action: many,
          targetId: String(i),
          createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)),
        },
      });
    const first = await listAuditLog(admin, filter({ action: many }));
    const second = await listAuditLog(admin, filter({ action: many, page: "2" }));
    expect(first.total).toBe(AUDIT_PAGE_SIZE + 3);
    expect(first.rows).toHaveLength(AUDIT_PAGE_SIZE);
    expect(second.rows.map((r) => r.targetId)).toEqual(["2", "1", "0"]);
    expect(filter({ from: "yesterday", page: "-3" })).toMatchObject({ from: undefined, page: 1 });
  });

  it("exports the filtered log as CSV with ID numbers masked and formulas defused, and audits the export", async () => {
    const stream = await auditCsvStream(admin, { action: action("gamma") }, { ip: "192.0.2.1" });
    const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // BOM: spreadsheets read it as UTF-8
    const text = new TextDecoder().decode(bytes);
    expect(text.startsWith("time,actorType,actor,actorId,action")).toBe(true);
    const lines = text.trim().split("\r\n");
    expect(lines).toHaveLength(2);
    expect(text).not.toContain(idNumber);
    expect(text).not.toContain(idNumber.toLowerCase());
    expect(text).toContain(`1****************${idNumber.slice(-1)}`);
    expect(text).toContain(`carol${tag}`);
    expect(text).toContain(`"'=thing"`); // a cell a spreadsheet would run as a formula is defused
    const exported = await db.auditLog.findFirst({
      where: { action: "audit.export", actorId: admin.staffUserId },
    });
    expect(JSON.parse(exported?.after ?? "{}")).toEqual({ action: action("gamma") });
    expect(exported?.ip).toBe("192.0.2.1");
  });

  it("is for holders of audit.view only", async () => {
    const { actor: support } = await makeStaff("support");
    await expect(listAuditLog(support, filter({}))).rejects.toBeInstanceOf(AuthorizationError);
    await expect(auditCsvStream(support, {})).rejects.toBeInstanceOf(AuthorizationError);
  });
});

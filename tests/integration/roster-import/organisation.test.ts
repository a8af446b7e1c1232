import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createApiToken } from "@/lib/admin/api-tokens";
import { createUnit, deleteUnit, renameUnit } from "@/lib/roster-import/organisation";
import { mergeUnits, previewMerge } from "@/lib/roster-import/organisation-merge";
import { progressBy, sumCounts } from "@/lib/progress/counts";
import { rebuildProgress } from "@/lib/progress/summary";
import { makeStaff } from "../admin/fixtures";
import { makeAccount, makeCollege, uniqueCohort } from "../progress/support";
import { collegeActor, registrarActor } from "./support";

const registrar = registrarActor();

async function campaignFor(cohort: string) {
  const campaign = await db.campaign.create({
    data: {
      name: `${cohort}级组织测试`,
      cohort,
      level: "普通本科",
      startsAt: new Date(Date.now() - 86_400_000),
      endsAt: new Date(Date.now() + 86_400_000),
    },
  });
  await rebuildProgress({ campaignIds: [campaign.id] });
  return campaign;
}

async function openCorrection(
  record: { id: string; collegeId: string },
  field: string,
  requestedValue: string,
) {
  const account = await makeAccount();
  return db.correctionRequest.create({
    data: {
      recordId: record.id,
      accountId: account.id,
      collegeId: record.collegeId,
      recordVersionAtSubmit: 1,
      items: { create: { field, currentValue: "x", requestedValue, reason: "测试" } },
    },
    include: { items: true },
  });
}

describe("creating units", () => {
  it("creates a college, a major and a class, audited; names are checked", async () => {
    const tag = Date.now().toString(36);
    const college = await createUnit(registrar, { kind: "college", name: `新建学院${tag}` });
    expect(college.ok).toBe(true);
    if (!college.ok) return;
    const created = await db.college.findUniqueOrThrow({ where: { id: college.value.id } });
    expect(created.code).toMatch(/^C\d+$/);
    const major = await createUnit(registrar, {
      kind: "major",
      collegeId: college.value.id,
      name: "人工智能",
    });
    expect(major.ok).toBe(true);
    if (!major.ok) return;
    const cls = await createUnit(registrar, {
      kind: "classGroup",
      collegeId: college.value.id,
      majorId: major.value.id,
      name: "人工智能2601班",
    });
    expect(cls.ok).toBe(true);
    const entry = await db.auditLog.findFirst({
      where: { action: "organisation.create.classGroup", targetId: cls.ok ? cls.value.id : "" },
    });
    expect(entry).not.toBeNull();

    // refusals at the field, nothing created
    const before = await db.college.count();
    for (const [input, field, key] of [
      [{ kind: "college", name: `新建学院${tag}` }, "name", "registrar.organisation.errors.nameTaken"],
      [{ kind: "college", name: "   " }, "name", "registrar.organisation.errors.nameRequired"],
      [{ kind: "college", name: "x".repeat(101) }, "name", "registrar.organisation.errors.nameTooLong"],
      [
        { kind: "college", name: "<script>alert(1)</script>" },
        "name",
        "registrar.organisation.errors.nameChars",
      ],
      [
        { kind: "college", name: `坏代码${tag}`, code: "c-01; drop" },
        "code",
        "registrar.organisation.errors.code",
      ],
      [
        { kind: "college", name: `重复代码${tag}`, code: created.code },
        "code",
        "registrar.organisation.errors.codeTaken",
      ],
    ] as const) {
      expect(await createUnit(registrar, input)).toMatchObject({
        ok: false,
        fieldErrors: { [field]: { key } },
      });
    }
    expect(await db.college.count()).toBe(before);
    // a class needs a major of the same college
    const other = await makeCollege("别院", uniqueCohort(), 0);
    expect(
      await createUnit(registrar, {
        kind: "classGroup",
        collegeId: college.value.id,
        majorId: other.major.id,
        name: "某班",
      }),
    ).toMatchObject({ ok: false, fieldErrors: { majorId: { key: "registrar.organisation.errors.major" } } });
    // only the registrar
    await expect(
      createUnit(collegeActor([college.value.id]), { kind: "college", name: "越权" }),
    ).rejects.toThrow();
  });
});

describe("deleting units", () => {
  it("refuses while anything is in the unit and says what; deletes an empty one", async () => {
    const a = await makeCollege("删除院", uniqueCohort(), 1);
    for (const [kind, id] of [
      ["college", a.college.id],
      ["major", a.major.id],
      ["classGroup", a.classGroup.id],
    ] as const) {
      const refused = await deleteUnit(registrar, { kind, id });
      expect(refused).toMatchObject({ ok: false, error: { key: "registrar.organisation.errors.notEmpty" } });
      if (!refused.ok) expect(refused.error?.params).toMatchObject({ records: 1 });
    }
    expect(await db.college.findUnique({ where: { id: a.college.id } })).not.toBeNull();
    // an empty class referenced by a counsellor's scope is not deleted either
    const empty = await db.classGroup.create({
      data: { collegeId: a.college.id, majorId: a.major.id, name: `空班${a.college.code}` },
    });
    const { actor: staff } = await makeStaff("college", { collegeIds: [a.college.id] });
    await db.staffCollegeScope.update({
      where: { staffUserId_collegeId: { staffUserId: staff.staffUserId, collegeId: a.college.id } },
      data: { classGroupIds: empty.id },
    });
    expect(await deleteUnit(registrar, { kind: "classGroup", id: empty.id })).toMatchObject({
      ok: false,
      error: { params: { staff: 1, records: 0 } },
    });
    await db.staffCollegeScope.update({
      where: { staffUserId_collegeId: { staffUserId: staff.staffUserId, collegeId: a.college.id } },
      data: { classGroupIds: "" },
    });
    expect(await deleteUnit(registrar, { kind: "classGroup", id: empty.id })).toEqual({
      ok: true,
      value: { deleted: true },
    });
    expect(await db.classGroup.findUnique({ where: { id: empty.id } })).toBeNull();
    expect(
      await db.auditLog.findFirst({
        where: { action: "organisation.delete.classGroup", targetId: empty.id },
      }),
    ).not.toBeNull();
    // an empty college goes
    const lone = await createUnit(registrar, { kind: "college", name: `空学院${a.college.code}` });
    if (!lone.ok) throw new Error("college");
    expect((await deleteUnit(registrar, { kind: "college", id: lone.value.id })).ok).toBe(true);
    expect(await deleteUnit(registrar, { kind: "college", id: "no-such" })).toMatchObject({ ok: false });
    expect(await deleteUnit(registrar, { kind: "nonsense", id: lone.value.id })).toMatchObject({ ok: false });
  });
});

describe("merging units", () => {
  it("merges a class into another: records, staff scopes, open corrections and counts move, in one step", async () => {
    const cohort = uniqueCohort();
    const a = await makeCollege("合班院", cohort, 3);
    const target = await db.classGroup.create({
      data: { collegeId: a.college.id, majorId: a.major.id, name: `目标${a.college.code}班` },
    });
    const campaign = await campaignFor(cohort);
    const { actor: staff } = await makeStaff("college", { collegeIds: [a.college.id] });
    await db.staffCollegeScope.update({
      where: { staffUserId_collegeId: { staffUserId: staff.staffUserId, collegeId: a.college.id } },
      data: { classGroupIds: a.classGroup.id },
    });
    const correction = await openCorrection(a.records[0], "classGroup", a.classGroup.name);
    const input = { kind: "classGroup", sourceId: a.classGroup.id, targetId: target.id };
    const preview = await previewMerge(registrar, input);
    expect(preview).toMatchObject({
      ok: true,
      value: { records: 3, staff: 1, correctionItems: 1, campaigns: 1 },
    });
    // nothing written by the preview
    expect(await db.enrollmentRecord.count({ where: { classGroupId: a.classGroup.id } })).toBe(3);
    // a stale preview (the counts changed) is refused
    expect(await mergeUnits(registrar, input, 2)).toMatchObject({
      ok: false,
      error: { key: "registrar.organisation.merge.errors.changed" },
    });
    expect(await db.classGroup.findUnique({ where: { id: a.classGroup.id } })).not.toBeNull();

    expect((await mergeUnits(registrar, input, 3)).ok).toBe(true);
    expect(await db.classGroup.findUnique({ where: { id: a.classGroup.id } })).toBeNull();
    expect(await db.enrollmentRecord.count({ where: { classGroupId: target.id } })).toBe(3);
    const scope = await db.staffCollegeScope.findFirstOrThrow({ where: { staffUserId: staff.staffUserId } });
    expect(scope.classGroupIds).toBe(target.id);
    expect(
      (await db.correctionItem.findFirstOrThrow({ where: { requestId: correction.id } })).requestedValue,
    ).toBe(target.name);
    const byClass = await progressBy(registrar, campaign, "classGroup", { collegeId: a.college.id });
    expect(byClass.map((g) => [g.id, g.total])).toEqual([[target.id, 3]]);
    const entry = await db.auditLog.findFirst({
      where: { action: "organisation.merge.classGroup", targetId: target.id },
    });
    expect(JSON.parse(entry?.after ?? "{}")).toMatchObject({ records: 3, staff: 1 });
  });

  it("merges a major: records and classes follow; a major of another college is refused", async () => {
    const cohort = uniqueCohort();
    const a = await makeCollege("合专业院", cohort, 2);
    const target = await db.major.create({ data: { collegeId: a.college.id, name: "目标专业" } });
    const other = await makeCollege("他院", cohort, 0);
    expect(
      await previewMerge(registrar, { kind: "major", sourceId: a.major.id, targetId: other.major.id }),
    ).toMatchObject({
      ok: false,
      error: { key: "registrar.organisation.merge.errors.otherCollege" },
    });
    expect(
      await previewMerge(registrar, { kind: "major", sourceId: a.major.id, targetId: a.major.id }),
    ).toMatchObject({
      ok: false,
      error: { key: "registrar.organisation.merge.errors.same" },
    });
    expect(
      (await mergeUnits(registrar, { kind: "major", sourceId: a.major.id, targetId: target.id }, 2)).ok,
    ).toBe(true);
    expect(await db.enrollmentRecord.count({ where: { majorId: target.id } })).toBe(2);
    expect((await db.classGroup.findUniqueOrThrow({ where: { id: a.classGroup.id } })).majorId).toBe(
      target.id,
    );
    expect(await db.major.findUnique({ where: { id: a.major.id } })).toBeNull();
  });

  it("merges a college: everything that points at it moves; clashing names refuse the merge", async () => {
    const cohort = uniqueCohort();
    const src = await makeCollege("源院", cohort, 2);
    const dst = await makeCollege("目标院", cohort, 1);
    const campaign = await campaignFor(cohort);
    const { actor: whole } = await makeStaff("college", { collegeIds: [src.college.id] });
    const { actor: both } = await makeStaff("college", { collegeIds: [src.college.id, dst.college.id] });
    await db.staffCollegeScope.update({
      where: { staffUserId_collegeId: { staffUserId: both.staffUserId, collegeId: dst.college.id } },
      data: { classGroupIds: dst.classGroup.id },
    });
    const { actor: admin } = await makeStaff("admin");
    const token = await createApiToken(admin, {
      name: "合并令牌",
      role: "college",
      collegeIds: [src.college.id],
    });
    if (!token.ok) throw new Error("token");
    const correction = await openCorrection(src.records[0], "college", src.college.name);

    // a class of the same name in both colleges: refused, nothing moved
    const clash = await db.classGroup.create({
      data: { collegeId: dst.college.id, majorId: dst.major.id, name: src.classGroup.name },
    });
    const input = { kind: "college", sourceId: src.college.id, targetId: dst.college.id };
    const preview = await previewMerge(registrar, input);
    expect(preview).toMatchObject({
      ok: true,
      value: {
        records: 2,
        majors: 1,
        classGroups: 1,
        staff: 2,
        tokens: 1,
        corrections: 1,
        clashes: [src.classGroup.name],
      },
    });
    expect(await mergeUnits(registrar, input, 2)).toMatchObject({
      ok: false,
      error: { key: "registrar.organisation.merge.errors.clashes" },
    });
    expect(await db.enrollmentRecord.count({ where: { collegeId: src.college.id } })).toBe(2);
    await db.classGroup.delete({ where: { id: clash.id } });

    const merged = await mergeUnits(registrar, input, 2);
    expect(merged.ok).toBe(true);
    expect(await db.college.findUnique({ where: { id: src.college.id } })).toBeNull();
    expect(await db.enrollmentRecord.count({ where: { collegeId: dst.college.id } })).toBe(3);
    expect((await db.major.findUniqueOrThrow({ where: { id: src.major.id } })).collegeId).toBe(
      dst.college.id,
    );
    expect((await db.classGroup.findUniqueOrThrow({ where: { id: src.classGroup.id } })).collegeId).toBe(
      dst.college.id,
    );
    const moved = await db.correctionRequest.findUniqueOrThrow({
      where: { id: correction.id },
      include: { items: true },
    });
    expect(moved.collegeId).toBe(dst.college.id);
    expect(moved.items[0].requestedValue).toBe(dst.college.name);
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: token.value.id } })).collegeIds).toBe(
      dst.college.id,
    );
    // whole source college → the target, with the source's classes (the records it saw) only
    const wholeScopes = await db.staffCollegeScope.findMany({ where: { staffUserId: whole.staffUserId } });
    expect(wholeScopes).toMatchObject([{ collegeId: dst.college.id, classGroupIds: "", cohort: "" }]);
    // both colleges, target limited to a class: that class plus the source's classes, never the whole college
    const bothScopes = await db.staffCollegeScope.findMany({ where: { staffUserId: both.staffUserId } });
    expect(bothScopes).toHaveLength(1);
    expect(bothScopes[0].classGroupIds.split(",").sort()).toEqual(
      [dst.classGroup.id, src.classGroup.id].sort(),
    );
    const counts = await progressBy(registrar, campaign, "college");
    expect(counts.find((c) => c.id === dst.college.id)?.total).toBe(3);
    expect(counts.find((c) => c.id === src.college.id)).toBeUndefined();
    expect(sumCounts(counts).total).toBeGreaterThanOrEqual(3);
  });

  it("refuses hostile or unknown input and other roles", async () => {
    expect(await previewMerge(registrar, { kind: "college", sourceId: "x", targetId: "" })).toMatchObject({
      ok: false,
    });
    expect(
      await previewMerge(registrar, { kind: "'; DROP TABLE", sourceId: "x", targetId: "y" }),
    ).toMatchObject({ ok: false });
    expect(
      await mergeUnits(registrar, { kind: "college", sourceId: "nope", targetId: "nope2" }, 0),
    ).toMatchObject({ ok: false });
    await expect(
      previewMerge(collegeActor(["x"]), { kind: "college", sourceId: "x", targetId: "y" }),
    ).rejects.toThrow();
  });

  it("rename still keeps the id", async () => {
    const a = await makeCollege("改名院", uniqueCohort(), 0);
    expect((await renameUnit(registrar, { kind: "major", id: a.major.id, name: "新名字" })).ok).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { StaffActor } from "@/lib/auth/actor";
import { progressBy, sumCounts } from "@/lib/progress/counts";
import { notCheckedIds, notCheckedPage } from "@/lib/progress/not-checked";
import { filterOptions } from "@/lib/progress/options";
import { rebuildProgress } from "@/lib/progress/summary";
import { revealIdNumber, revealPhone } from "@/lib/progress/reveal";
import { previewReminder } from "@/lib/reminders/send";
import { listQueue, pendingCount, requestForStaff } from "@/lib/corrections/queries";
import { recordHistoryForStaff } from "@/lib/records/history";
import { admissionPhotoFor } from "@/lib/records/photo";
import { setStaffUnitLimit, staffUnitScopes } from "@/lib/admin/staff-scope";
import { resolveSession } from "@/lib/auth/sessions";
import { recordRelationScopeWhere } from "@/lib/auth/policy";
import { collegeActor } from "../roster-import/support";
import { makeStaff } from "../admin/fixtures";
import { makeAccount, makeCollege, uniqueCohort } from "../progress/support";

/**
 * A counsellor limited to some classes or one grade (入学年级) of a college sees exactly those students,
 * on every list and record read: the one policy (lib/auth/policy.ts) is applied everywhere.
 */
describe("staff scope by classes or grade", async () => {
  const cohort = uniqueCohort();
  const otherCohort = String(Number(cohort) + 1);
  const a = await makeCollege("范围院", cohort, 4);
  const classB = await db.classGroup.create({
    data: { collegeId: a.college.id, majorId: a.major.id, name: `${a.classGroup.name}乙` },
  });
  // records 0, 1: class A; record 2: class B; record 3: class B and another grade (outside the campaign)
  await db.enrollmentRecord.updateMany({
    where: { id: { in: [a.records[2].id, a.records[3].id] } },
    data: { classGroupId: classB.id },
  });
  await db.enrollmentRecord.update({ where: { id: a.records[3].id }, data: { cohort: otherCohort } });
  const accounts = await Promise.all(a.records.map(() => makeAccount()));
  for (let i = 0; i < 4; i++)
    await db.enrollmentRecord.update({ where: { id: a.records[i].id }, data: { accountId: accounts[i].id } });
  const campaign = await db.campaign.create({
    data: {
      name: `${cohort}级范围测试`,
      cohort,
      level: "普通本科",
      startsAt: new Date(Date.now() - 86_400_000),
      endsAt: new Date(Date.now() + 86_400_000),
    },
  });
  const corrections = await Promise.all(
    [0, 2].map((i) =>
      db.correctionRequest.create({
        data: {
          recordId: a.records[i].id,
          accountId: accounts[i].id,
          campaignId: campaign.id,
          collegeId: a.college.id,
          recordVersionAtSubmit: 1,
        },
      }),
    ),
  );
  await rebuildProgress({ campaignIds: [campaign.id] });

  const whole = collegeActor([a.college.id]);
  const classesA: StaffActor = {
    ...whole,
    unitLimits: [{ collegeId: a.college.id, classGroupIds: [a.classGroup.id], cohort: null }],
  };
  const gradeOther: StaffActor = {
    ...whole,
    unitLimits: [{ collegeId: a.college.id, classGroupIds: [], cohort: otherCohort }],
  };
  const gradeCampaign: StaffActor = {
    ...whole,
    unitLimits: [{ collegeId: a.college.id, classGroupIds: [], cohort }],
  };
  const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();
  const recordIds = (...i: number[]) => i.map((n) => a.records[n].id).sort();

  it("counts and lists only the classes in scope", async () => {
    expect(sumCounts(await progressBy(whole, campaign, "college")).total).toBe(3);
    expect(sumCounts(await progressBy(classesA, campaign, "classGroup")).total).toBe(2);
    expect((await progressBy(classesA, campaign, "classGroup")).map((g) => g.id)).toEqual([a.classGroup.id]);
    const page = await notCheckedPage(classesA, campaign, { page: 1 });
    expect(page.total).toBe(2);
    expect(ids(page.rows)).toEqual(recordIds(0, 1));
    // a search does not reach outside the scope either
    const searched = await notCheckedPage(classesA, campaign, { page: 1, q: a.records[2].studentNumber });
    expect(searched.rows).toEqual([]);
    expect((await notCheckedIds(classesA, campaign, {})).sort()).toEqual(recordIds(0, 1));
    // asking for the other class by filter gives nothing, not the other class
    expect((await notCheckedPage(classesA, campaign, { page: 1, classGroupId: classB.id })).rows).toEqual([]);
  });

  it("scopes by grade: another grade's counsellor sees none of this campaign", async () => {
    expect(sumCounts(await progressBy(gradeOther, campaign, "college")).total).toBe(0);
    expect((await notCheckedPage(gradeOther, campaign, { page: 1 })).total).toBe(0);
    expect(sumCounts(await progressBy(gradeCampaign, campaign, "college")).total).toBe(3);
    expect(ids((await notCheckedPage(gradeCampaign, campaign, { page: 1 })).rows)).toEqual(
      recordIds(0, 1, 2),
    );
  });

  it("reminders reach only the students in scope", async () => {
    const preview = await previewReminder(classesA, campaign, {});
    expect(preview.ok).toBe(true);
    // class A: record 0 has an open report (skipped), record 1 is reached; class B's record 2 is not counted
    if (preview.ok) expect(preview.value.report).toMatchObject({ total: 2, reached: 1, skippedReported: 1 });
    const wide = await previewReminder(whole, campaign, {});
    if (wide.ok) expect(wide.value.report).toMatchObject({ total: 3, reached: 1, skippedReported: 2 });
  });

  it("record reads: phone, ID number, history and photo outside the scope are not found", async () => {
    expect((await revealPhone(classesA, a.records[0].id)).ok).toBe(true);
    expect(await revealPhone(classesA, a.records[2].id)).toMatchObject({ ok: false });
    expect((await revealIdNumber(classesA, a.records[1].id)).ok).toBe(true);
    expect(await revealIdNumber(classesA, a.records[3].id)).toMatchObject({ ok: false });
    expect((await revealIdNumber(gradeOther, a.records[3].id)).ok).toBe(true);
    expect(await revealIdNumber(gradeOther, a.records[0].id)).toMatchObject({ ok: false });
    expect(await recordHistoryForStaff(classesA, a.records[2].id)).toBeNull();
    expect(await recordHistoryForStaff(classesA, a.records[0].id)).not.toBeNull();
    expect(await admissionPhotoFor(classesA, a.records[2].id)).toBeNull();
  });

  it("corrections: queue, count and detail honour the scope", async () => {
    const queue = await listQueue(classesA, "college", {});
    expect(queue.rows.map((r) => r.id)).toEqual([corrections[0].id]);
    expect(await pendingCount(classesA, "college")).toBe(1);
    expect(await pendingCount(whole, "college")).toBe(2);
    expect(await requestForStaff(classesA, "college", corrections[1].id)).toBeNull();
    expect(await requestForStaff(classesA, "college", corrections[0].id)).not.toBeNull();
    // the search narrows, never widens
    const searched = await listQueue(classesA, "college", { q: a.records[2].studentNumber });
    expect(searched.rows).toEqual([]);
  });

  it("a request's detail is found exactly where the policy's condition finds it, for every kind of scope", async () => {
    const elsewhere = collegeActor([(await makeCollege("别院", cohort, 0)).college.id]);
    const actors = { whole, classesA, gradeOther, gradeCampaign, elsewhere, noCollege: collegeActor([]) };
    for (const [name, actor] of Object.entries(actors))
      for (const request of corrections) {
        const policy = await db.correctionRequest.findFirst({
          where: { id: request.id, ...recordRelationScopeWhere(actor) },
          select: { id: true },
        });
        const detail = await requestForStaff(actor, "college", request.id);
        expect({ name, request: request.id, found: detail?.id ?? null }).toEqual({
          name,
          request: request.id,
          found: policy?.id ?? null,
        });
      }
    // the case that matters most, spelled out: class A's counsellor sees record 0's request, not record 2's
    expect(await requestForStaff(classesA, "college", corrections[0].id)).not.toBeNull();
    expect(await requestForStaff(gradeOther, "college", corrections[0].id)).toBeNull();
    expect(await requestForStaff(gradeCampaign, "college", corrections[1].id)).not.toBeNull();
    expect(await requestForStaff(elsewhere, "college", corrections[0].id)).toBeNull();
  });

  it("filter options offer only the classes in scope", async () => {
    const options = await filterOptions(classesA, { collegeId: a.college.id });
    expect(options.classGroups.map((g) => g.id)).toEqual([a.classGroup.id]);
    const all = await filterOptions(whole, { collegeId: a.college.id });
    expect(all.classGroups.map((g) => g.id).sort()).toEqual([a.classGroup.id, classB.id].sort());
  });

  it("the admin sets the limit: validated, audited, sessions ended, and the next sign-in carries it", async () => {
    const { actor: admin } = await makeStaff("admin");
    const { actor: counsellor } = await makeStaff("college", { collegeIds: [a.college.id] });
    const user = { id: counsellor.staffUserId };
    const session = { id: counsellor.sessionId };
    // hostile and wrong input: nothing changes
    const other = await makeCollege("别院", cohort, 0);
    for (const [input, field] of [
      [{ collegeId: a.college.id, mode: "classes", classGroupIds: [] }, "classGroupIds"],
      [{ collegeId: a.college.id, mode: "classes", classGroupIds: [other.classGroup.id] }, "classGroupIds"],
      [{ collegeId: a.college.id, mode: "grade", cohort: "20x3" }, "cohort"],
      [{ collegeId: a.college.id, mode: "grade", cohort: "' OR 1=1 --" }, "cohort"],
      [{ collegeId: a.college.id, mode: "everything" }, "mode"],
    ] as const) {
      const result = await setStaffUnitLimit(admin, user.id, input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(Object.keys(result.fieldErrors ?? {})).toContain(field);
    }
    expect(
      await setStaffUnitLimit(admin, user.id, { collegeId: other.college.id, mode: "college" }),
    ).toMatchObject({
      ok: false,
    });
    expect((await staffUnitScopes(admin, user.id))[0].mode).toBe("college");
    await expect(
      setStaffUnitLimit(counsellor, user.id, { collegeId: a.college.id, mode: "college" }),
    ).rejects.toThrow();

    const set = await setStaffUnitLimit(admin, user.id, {
      collegeId: a.college.id,
      mode: "classes",
      classGroupIds: [classB.id],
    });
    expect(set).toEqual({ ok: true, value: { changed: true } });
    expect((await db.authSession.findUnique({ where: { id: session.id } }))?.revokedAt).not.toBeNull();
    const entry = await db.auditLog.findFirst({ where: { action: "staff.scope", targetId: user.id } });
    expect(JSON.parse(entry?.after ?? "{}")).toMatchObject({ classes: [classB.name], cohort: "" });
    const fresh = await db.authSession.create({
      data: { staffUserId: user.id, method: "password", expiresAt: new Date(Date.now() + 3_600_000) },
    });
    const signedIn = await resolveSession(fresh.id);
    expect(signedIn?.kind === "staff" && signedIn.unitLimits).toEqual([
      { collegeId: a.college.id, classGroupIds: [classB.id], cohort: null },
    ]);
    if (signedIn?.kind === "staff")
      expect(ids((await notCheckedPage(signedIn, campaign, { page: 1 })).rows)).toEqual(recordIds(2));
    // back to the whole college
    expect(await setStaffUnitLimit(admin, user.id, { collegeId: a.college.id, mode: "college" })).toEqual({
      ok: true,
      value: { changed: true },
    });
    expect((await staffUnitScopes(admin, user.id))[0]).toMatchObject({ mode: "college", classGroupIds: [] });
  });
});

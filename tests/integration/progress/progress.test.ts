import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { progressBy, sumCounts } from "@/lib/progress/counts";
import { notCheckedPage } from "@/lib/progress/not-checked";
import { rebuildProgress } from "@/lib/progress/summary";
import { revealIdNumber, revealPhone } from "@/lib/progress/reveal";
import { consume } from "@/lib/security/rate-limit";
import { checkRateTrend } from "@/lib/progress/trend";
import { exportNotChecked } from "@/lib/exports/not-checked";
import { collegeActor, registrarActor } from "../roster-import/support";
import { makeAccount, makeCollege, uniqueCohort } from "./support";
import ExcelJS from "exceljs";
import { Readable } from "node:stream";

describe("progress per scope", async () => {
  const cohort = uniqueCohort();
  const a = await makeCollege("甲院", cohort, 6);
  const b = await makeCollege("乙院", cohort, 4);
  await makeCollege("丙院专科", cohort, 3, "专科"); // another level: not covered
  const start = new Date(Date.now() - 3 * 86_400_000);
  const campaign = await db.campaign.create({
    data: {
      name: `${cohort}级普通本科学籍自查`,
      cohort,
      level: "普通本科",
      startsAt: start,
      endsAt: new Date(Date.now() + 86_400_000),
    },
  });
  // college A: 4 registered, 3 viewed, 2 confirmed, 1 reported (via a correction request)
  const accounts = await Promise.all([0, 1, 2, 3].map(() => makeAccount()));
  for (let i = 0; i < 4; i++)
    await db.enrollmentRecord.update({ where: { id: a.records[i].id }, data: { accountId: accounts[i].id } });
  for (let i = 0; i < 3; i++)
    await db.selfCheck.create({
      data: {
        campaignId: campaign.id,
        recordId: a.records[i].id,
        accountId: accounts[i].id,
        confirmedAt: i < 2 ? new Date(start.getTime() + (i + 1) * 86_400_000) : null,
        confirmedVersion: i < 2 ? 1 : null,
      },
    });
  await db.correctionRequest.create({
    data: {
      recordId: a.records[2].id,
      accountId: accounts[2].id,
      campaignId: campaign.id,
      collegeId: a.college.id,
      recordVersionAtSubmit: 1,
    },
  });
  // The rows above were written directly, not through the services that keep the dashboards' summary.
  await rebuildProgress({ campaignIds: [campaign.id] });
  const registrar = registrarActor();
  const collegeA = collegeActor([a.college.id]);

  it("counts registered / viewed / confirmed / reported per college, only in the actor's colleges", async () => {
    const all = await progressBy(registrar, campaign, "college");
    const mine = all.filter((g) => g.id === a.college.id || g.id === b.college.id);
    expect(mine.find((g) => g.id === a.college.id)).toMatchObject({
      total: 6,
      registered: 4,
      viewed: 3,
      confirmed: 2,
      reported: 1,
    });
    expect(mine.find((g) => g.id === b.college.id)).toMatchObject({
      total: 4,
      registered: 0,
      viewed: 0,
      confirmed: 0,
      reported: 0,
    });

    const scoped = await progressBy(collegeA, campaign, "college");
    expect(scoped.map((g) => g.id)).toEqual([a.college.id]);
    const classes = await progressBy(collegeA, campaign, "classGroup");
    expect(classes).toEqual([expect.objectContaining({ id: a.classGroup.id, total: 6, confirmed: 2 })]);
    expect(sumCounts(scoped).total).toBe(6);
  });

  it("lists the not confirmed, filtered, paged — and college staff never see another college", async () => {
    const page = await notCheckedPage(collegeA, campaign, { page: 1 });
    expect(page.total).toBe(4);
    expect(page.rows.every((r) => r.college === a.college.name)).toBe(true);
    expect((await notCheckedPage(collegeA, campaign, { page: 1, registered: "yes" })).total).toBe(2);
    expect((await notCheckedPage(collegeA, campaign, { page: 1, registered: "no" })).total).toBe(2);
    expect(
      (await notCheckedPage(collegeA, campaign, { page: 1, viewed: "yes" })).rows.map((r) => r.id),
    ).toEqual([a.records[2].id]);
    expect(
      (await notCheckedPage(collegeA, campaign, { page: 1, q: a.records[5].studentNumber })).rows.map(
        (r) => r.id,
      ),
    ).toEqual([a.records[5].id]);
    expect((await notCheckedPage(collegeA, campaign, { page: 1, q: b.records[0].studentNumber })).total).toBe(
      0,
    );
    // a search's total is counted from the records: a confirmed student matches no more, a viewed one does
    const search = (q: string) => notCheckedPage(collegeA, campaign, { page: 1, q });
    expect(await search(a.records[0].studentNumber)).toMatchObject({ total: 0, rows: [] });
    expect(await search(a.records[2].studentNumber)).toMatchObject({
      total: 1,
      rows: [{ id: a.records[2].id }],
    });
    expect((await search(a.classGroup.name)).total).toBe(4);
    expect((await notCheckedPage(collegeA, campaign, { page: 1, collegeId: b.college.id })).total).toBe(0);
    const registrarView = await notCheckedPage(registrar, campaign, { page: 1, collegeId: b.college.id });
    expect(registrarView.total).toBe(4);
  });

  it("reveals a full ID number only in scope, and logs it", async () => {
    const mine = await revealIdNumber(collegeA, a.records[0].id);
    expect(mine.ok && mine.value.idNumber).toMatch(/^\d{17}[\dX]$/);
    expect(await db.auditLog.count({ where: { action: "idNumber.reveal", targetId: a.records[0].id } })).toBe(
      1,
    );
    const other = await revealIdNumber(collegeA, b.records[0].id);
    expect(other).toMatchObject({ ok: false, error: { key: "progress.errors.notFound" } });
  });

  it("marks students with an open correction request 已报错 and shows phones masked", async () => {
    const page = await notCheckedPage(collegeA, campaign, { page: 1 });
    const byId = new Map(page.rows.map((r) => [r.id, r]));
    expect(byId.get(a.records[2].id)).toMatchObject({ reported: true, phoneMasked: expect.any(String) });
    expect(byId.get(a.records[2].id)?.phoneMasked).toBe(
      `${accounts[2].phone.slice(0, 3)}****${accounts[2].phone.slice(7)}`,
    );
    expect(byId.get(a.records[3].id)).toMatchObject({ reported: false });
    expect(byId.get(a.records[4].id)).toMatchObject({ reported: false, phoneMasked: null });
    expect(JSON.stringify(page.rows)).not.toContain(accounts[3].phone);
    // a withdrawn request is no longer open
    await db.correctionRequest.updateMany({
      where: { recordId: a.records[2].id },
      data: { status: "withdrawn" },
    });
    const after = await notCheckedPage(collegeA, campaign, { page: 1, q: a.records[2].studentNumber });
    expect(after.rows[0]).toMatchObject({ reported: false });
    await db.correctionRequest.updateMany({
      where: { recordId: a.records[2].id },
      data: { status: "submitted" },
    });
  });

  it("reveals a phone number only in scope, audited with the masked number, at most 60 an hour", async () => {
    const clerk = collegeActor([a.college.id], `staff-phone-${Date.now()}`);
    const mine = await revealPhone(clerk, a.records[3].id, "203.0.113.9");
    expect(mine).toEqual({ ok: true, value: { phone: accounts[3].phone } });
    const entry = await db.auditLog.findFirst({
      where: { action: "phone.reveal", targetId: a.records[3].id },
    });
    expect(entry).toMatchObject({ actorId: clerk.staffUserId });
    expect(JSON.stringify(entry)).not.toContain(accounts[3].phone);
    expect(JSON.stringify(entry)).toContain(a.records[3].studentNumber);

    expect(await revealPhone(clerk, b.records[0].id)).toMatchObject({
      ok: false,
      error: { key: "progress.errors.notFound" },
    });
    expect(await revealPhone(clerk, a.records[5].id)).toMatchObject({
      ok: false,
      error: { key: "progress.phone.none" },
    });
    await expect(revealPhone({ ...clerk, roles: ["support"] }, a.records[3].id)).rejects.toThrow();

    const busy = collegeActor([a.college.id], `staff-phone-busy-${Date.now()}`);
    await consume("phoneRevealsPerStaffHour", busy.staffUserId, 60);
    expect(await revealPhone(busy, a.records[3].id)).toMatchObject({
      ok: false,
      error: { key: "progress.phone.tooMany" },
    });
    expect(await db.auditLog.count({ where: { action: "phone.reveal", actorId: busy.staffUserId } })).toBe(0);
  });

  it("draws the daily check-rate trend, cumulative", async () => {
    const trend = await checkRateTrend(collegeA, campaign, 6);
    expect(trend.length).toBeGreaterThanOrEqual(4);
    expect(trend.at(-1)?.cumulative).toBe(2);
    expect(trend.at(-1)?.rate).toBeCloseTo(33.3, 1);
    expect(trend[0].cumulative).toBeLessThanOrEqual(trend.at(-1)?.cumulative ?? 0);
  });

  it("exports the not-checked rows to xlsx and csv", async () => {
    const xlsx = await exportNotChecked(collegeA, campaign, {}, "xlsx");
    const chunks: Buffer[] = [];
    for await (const c of Readable.fromWeb(xlsx as import("node:stream/web").ReadableStream))
      chunks.push(Buffer.from(c));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      "学号",
      "姓名",
      "性别",
      "分院",
      "专业",
      "班级",
      "证件号码",
      "是否注册",
      "是否查看",
      "是否报错",
    ]);
    expect(sheet.rowCount).toBe(5);
    const reportedRow = [2, 3, 4, 5].find(
      (r) => String(sheet.getRow(r).getCell(1).value) === a.records[2].studentNumber,
    );
    expect(sheet.getRow(reportedRow ?? 0).getCell(10).value).toBe("已报错");
    const numbers = [2, 3, 4, 5].map((r) => String(sheet.getRow(r).getCell(1).value)).sort();
    expect(numbers).toEqual(
      a.records
        .slice(2)
        .map((r) => r.studentNumber)
        .sort(),
    );

    const csv = await exportNotChecked(collegeA, campaign, { registered: "no" }, "csv");
    let text = "";
    for await (const c of Readable.fromWeb(csv as import("node:stream/web").ReadableStream))
      text += Buffer.from(c).toString("utf8");
    expect(text.startsWith("\uFEFF学号,姓名")).toBe(true);
    expect(text.trim().split("\r\n")).toHaveLength(3);
    expect(text).not.toContain(b.records[0].studentNumber);
  });
});

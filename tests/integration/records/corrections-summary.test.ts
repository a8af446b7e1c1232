import { Readable } from "node:stream";
import type { ReadableStream as WebStream } from "node:stream/web";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { exportCorrections } from "@/lib/exports/corrections";
import { listQueue, requestForStaff } from "@/lib/corrections/queries";
import { collegeDecide, registrarDecide } from "@/lib/corrections/review";
import { submitCorrection, type SubmitInput } from "@/lib/corrections/submit";
import {
  evidencePng,
  idNumberFor,
  makeCampaign,
  makeOrg,
  makeStudent,
  staffActor,
  uid,
  uniqueCohort,
  uploadFile,
  type Org,
} from "./fixtures";

/** 勘误汇总 (issue 12 item 10): the export, the college filter of the queue and the provincial 文号. */
let org: Org;
let png: Buffer;
beforeAll(async () => {
  org = await makeOrg();
  png = await evidencePng();
});

const file = uploadFile;

function input(recordId: string, items: SubmitInput["items"]): SubmitInput {
  return { recordId, recordVersion: 1, items, files: [file(png, "通知书.png")] };
}

/** A staff actor backed by a real StaffUser row, so the export can name the reviewer. */
async function reviewer(roles: ("college" | "registrar")[], collegeIds: string[], displayName: string) {
  const user = await db.staffUser.create({
    data: { username: `rev-${uid()}`, displayName, passwordHash: "x", roles: roles.join(",") },
  });
  return { ...staffActor(roles, collegeIds), staffUserId: user.id, displayName };
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of Readable.fromWeb(stream as unknown as WebStream)) chunks.push(Buffer.from(c));
  return Buffer.concat(chunks);
}

async function sheetRows(stream: ReadableStream<Uint8Array>): Promise<Record<string, string>[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readAll(stream)) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const rows: Record<string, string>[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const values = (sheet.getRow(r).values as unknown[]).slice(1);
    rows.push(Object.fromEntries(headers.map((h, i) => [h, values[i] == null ? "" : String(values[i])])));
  }
  return rows;
}

const decisionsFor = async (requestId: string, decision: "accepted" | "rejected" = "accepted") =>
  (await db.correctionItem.findMany({ where: { requestId }, orderBy: { id: "asc" } })).map((i) => ({
    itemId: i.id,
    decision,
    reason: decision === "rejected" ? "以录取信息为准" : undefined,
  }));

describe("勘误汇总", () => {
  it("exports one row per field with both decisions, dates, reviewers and 文号, filtered and in scope", async () => {
    const cohort = uniqueCohort();
    const campaign = await makeCampaign({ cohort });
    const clerk = await reviewer(["college"], [org.college.id], `学院秘书${uid()}`);
    const registrar = await reviewer(["registrar"], [], `学籍科${uid()}`);

    // school route: two fields, approved
    const a = await makeStudent(org, { cohort });
    const newId = idNumberFor(undefined, "男");
    const ra = await submitCorrection(
      a.actor,
      input(a.record.id, [
        { field: "department", value: "软件工程系", reason: "录取通知书上为软件工程系" },
        {
          field: "idNumber",
          value: newId,
          reason: "号码录错",
        },
      ]),
    );
    if (!ra.ok) throw new Error(JSON.stringify(ra));
    const aId = ra.value.requestId;
    expect(await collegeDecide(clerk, { requestId: aId, decisions: await decisionsFor(aId) })).toMatchObject({
      ok: true,
    });
    expect(
      await registrarDecide(registrar, { requestId: aId, decisions: await decisionsFor(aId) }),
    ).toMatchObject({
      ok: true,
      value: { status: "approved" },
    });

    // provincial route: needs the 文号
    const p = await makeStudent(org, { cohort, graduationRegistered: true });
    const rp = await submitCorrection(
      p.actor,
      input(p.record.id, [{ field: "department", value: "软件工程系", reason: "转系后未更新" }]),
    );
    if (!rp.ok) throw new Error("setup");
    const pId = rp.value.requestId;
    await collegeDecide(clerk, { requestId: pId, decisions: await decisionsFor(pId) });
    const missing = await registrarDecide(registrar, { requestId: pId, decisions: await decisionsFor(pId) });
    expect(missing).toMatchObject({
      ok: false,
      fieldErrors: { provincialRef: { key: "corrections.errors.provincialRefRequired" } },
    });
    const twoLines = await registrarDecide(registrar, {
      requestId: pId,
      decisions: await decisionsFor(pId),
      provincialRef: "鄂教学\n〔2026〕12号",
    });
    expect(twoLines).toMatchObject({
      ok: false,
      fieldErrors: { provincialRef: { key: "corrections.errors.provincialRefInvalid" } },
    });
    expect(await db.correctionRequest.findUniqueOrThrow({ where: { id: pId } })).toMatchObject({
      status: "provincial_pending",
      provincialRef: null,
    });
    expect(
      await registrarDecide(registrar, {
        requestId: pId,
        decisions: await decisionsFor(pId),
        provincialRef: "  鄂教学〔2026〕12号 ",
      }),
    ).toMatchObject({ ok: true, value: { status: "provincial_approved" } });
    const detail = await requestForStaff(registrar, "registrar", pId);
    expect(detail?.provincialRef).toBe("鄂教学〔2026〕12号");
    expect(
      await db.auditLog.count({
        where: {
          targetId: pId,
          action: "correction.provincialDecision",
          after: { contains: "鄂教学〔2026〕12号" },
        },
      }),
    ).toBe(1);

    // another college's request, and one still waiting
    const far = await makeStudent(org, {
      cohort,
      college: "other",
    });
    const rf = await submitCorrection(
      far.actor,
      input(far.record.id, [{ field: "department", value: "外语系", reason: "转系" }]),
    );
    if (!rf.ok) throw new Error("setup");

    // the registrar: everything of the campaign
    const all = await sheetRows(
      await exportCorrections(registrar, "registrar", { status: "all", campaignId: campaign.id }, "xlsx"),
    );
    const aRows = all.filter((r) => r["申请编号"] === aId);
    expect(aRows.length).toBeGreaterThanOrEqual(1);
    const dept = aRows.find((r) => r["项目"] === "系（所、函授站）")!;
    expect(dept).toMatchObject({
      学号: a.record.studentNumber,
      姓名: a.record.name,
      分院: org.college.name,
      自查批次: campaign.name,
      申请状态: "已通过并更正",
      原信息: "计算机科学系",
      申请更正为: "软件工程系",
      学院意见: "同意",
      学院审核人: clerk.displayName,
      学籍管理科意见: "同意",
      学籍管理科审核人: registrar.displayName,
      省级文号: "",
    });
    expect(dept["证件号码"]).toMatch(/^\d\*+[\dX]$/);
    expect(dept["学院审核时间"]).toMatch(/^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}$/);
    expect(aRows).toHaveLength(2);
    const idRow = aRows.find((r) => r["项目"] === "证件号码")!;
    expect(idRow["原信息"]).toMatch(/^\d\*+[\dX]$/);
    expect(idRow["申请更正为"]).toMatch(/^\d\*+[\dX]$/);
    expect(JSON.stringify(all)).not.toContain(newId);
    expect(all.find((r) => r["申请编号"] === pId)).toMatchObject({
      申请状态: "省级审核通过并更正",
      省级文号: "鄂教学〔2026〕12号",
    });
    expect(all.some((r) => r["申请编号"] === rf.value.requestId)).toBe(true);
    expect(JSON.stringify(all)).not.toContain(a.idNumber);

    // filters: college, status
    const other = await sheetRows(
      await exportCorrections(
        registrar,
        "registrar",
        { status: "all", campaignId: campaign.id, collegeId: org.otherCollege.id },
        "xlsx",
      ),
    );
    expect(other.map((r) => r["申请编号"])).toEqual([rf.value.requestId]);
    const provincialOnly = await sheetRows(
      await exportCorrections(
        registrar,
        "registrar",
        { status: "provincial_approved", campaignId: campaign.id },
        "xlsx",
      ),
    );
    expect(provincialOnly.map((r) => r["申请编号"])).toEqual([pId]);

    // a college clerk never sees another college's requests, even when asking for that college
    const mine = await sheetRows(
      await exportCorrections(clerk, "college", { status: "all", campaignId: campaign.id }, "xlsx"),
    );
    expect(new Set(mine.map((r) => r["申请编号"]))).toEqual(new Set([aId, pId]));
    const sneaky = await readAll(
      await exportCorrections(clerk, "college", { status: "all", collegeId: org.otherCollege.id }, "csv"),
    );
    expect(sneaky.toString("utf8").trim().split("\r\n")).toHaveLength(1); // the header only
    await expect(
      exportCorrections(staffActor(["support"]), "registrar", { status: "all" }, "csv"),
    ).rejects.toThrow();

    // CSV: BOM, same header, one line per field; chunks resume after the last request
    const csv = (
      await readAll(
        await exportCorrections(registrar, "registrar", { status: "all", campaignId: campaign.id }, "csv", 1),
      )
    ).toString("utf8");
    expect(csv.startsWith("\uFEFF学号,姓名,证件号码,分院,自查批次")).toBe(true);
    expect(csv.trim().split("\r\n")).toHaveLength(all.length + 1);
    expect(
      await db.auditLog.count({ where: { action: "corrections.export", actorId: registrar.staffUserId } }),
    ).toBe(4);
  });

  it("the queue filters by college and campaign inside the reviewer's scope", async () => {
    const cohort = uniqueCohort();
    const campaign = await makeCampaign({ cohort });
    const near = await makeStudent(org, { cohort });
    const far = await makeStudent(org, {
      cohort,
      college: "other",
    });
    for (const s of [near, far]) {
      const r = await submitCorrection(
        s.actor,
        input(s.record.id, [{ field: "department", value: "新系", reason: "转系" }]),
      );
      if (!r.ok) throw new Error("setup");
    }
    const registrar = staffActor(["registrar"]);
    const byCollege = await listQueue(registrar, "registrar", {
      status: "all",
      collegeId: org.otherCollege.id,
      campaignId: campaign.id,
    });
    expect(byCollege.rows.map((r) => r.studentNumber)).toEqual([far.record.studentNumber]);
    const clerk = staffActor(["college"], [org.college.id]);
    expect(
      (await listQueue(clerk, "college", { status: "all", campaignId: campaign.id })).rows.map(
        (r) => r.studentNumber,
      ),
    ).toEqual([near.record.studentNumber]);
    expect((await listQueue(clerk, "college", { status: "all", collegeId: org.otherCollege.id })).total).toBe(
      0,
    );
  });
});

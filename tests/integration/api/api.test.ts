import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { blindIndex, decrypt, encrypt } from "@/lib/security/crypto";
import { maskIdNumber } from "@/lib/identity/id-number";
import { hashPassword } from "@/lib/security/passwords";
import { consume, LIMITS } from "@/lib/security/rate-limit";
import { createApiToken, revokeApiToken } from "@/lib/admin/api-tokens";
import { submitCorrection } from "@/lib/corrections/submit";
import type { StaffActor, StudentActor } from "@/lib/auth/actor";
import { PUT as putRecords } from "@/app/api/v1/records/route";
import { GET as getStatus } from "@/app/api/v1/self-check-status/route";
import { GET as listCorrections } from "@/app/api/v1/corrections/route";
import { GET as getCorrection } from "@/app/api/v1/corrections/[id]/route";
import { POST as decide } from "@/app/api/v1/corrections/[id]/decision/route";
import { GET as openapi } from "@/app/api/v1/openapi.json/route";
import { makeCollege, makeStaff, uid } from "../admin/fixtures";
import { apiRecord } from "../../support/api-record";
import { call, idNumberFor } from "./client";
import { rebuildProgress } from "@/lib/progress/summary";

const tag = uid(3);
const collegeName = `接口学院${tag}`;
const seed = Number.parseInt(tag, 16);
const idA = idNumberFor("2005-03-07", true, seed);
const idC = idNumberFor("2004-11-20", false, seed + 1);

function record(
  studentNumber: string,
  name: string,
  idNumber: string,
  gender: string,
  birthDate: string,
  extra: Record<string, string> = {},
) {
  const classGroup = `软件${tag}班`;
  return apiRecord(
    { studentNumber, name, idNumber, gender, birthDate, college: collegeName, classGroup },
    extra,
  );
}
const snA = `A${tag}${seed % 1000}`.slice(0, 16);
const snB = `B${tag}01`;
const snC = `C${tag}02`;
const recA = record(snA, "林晓风", idA, "男", "2005-03-07");
const recC = record(snC, "阿依古丽·买买提", idC, "女", "2004-11-20");
const badB = record(snB, "王五", idA.slice(0, 17) + (idA[17] === "0" ? "1" : "0"), "男", "2005-03-07");

let admin: StaffActor;
let registrarToken: string;
let registrarTokenId: string;
let collegeToken: string;
let collegeTokenId: string;
let otherCollegeToken: string;
let accountA: string;
let otherCollege: { id: string; code: string };

beforeAll(async () => {
  admin = (await makeStaff("admin")).actor;
  otherCollege = await makeCollege("别");
  const reg = await createApiToken(admin, { name: `注册系统${tag}`, role: "registrar" });
  if (!reg.ok) throw new Error("token");
  registrarToken = reg.value.token;
  registrarTokenId = reg.value.id;
  const other = await createApiToken(admin, {
    name: "别的学院",
    role: "college",
    collegeIds: [otherCollege.id],
  });
  if (!other.ok) throw new Error("token");
  otherCollegeToken = other.value.token;
  // the student of record A registered before the roster arrived: the upsert links the record to them
  const account = await db.account.create({
    data: {
      phone: `139${String(seed).padStart(8, "0").slice(-8)}`,
      passwordHash: await hashPassword("irrelevant-pass"),
      name: recA.name,
      idType: "resident_id",
      idNumberEnc: encrypt(idA),
      idNumberIndex: blindIndex(idA),
      idMasked: maskIdNumber(idA),
      identityStatus: "verified",
      verifiedIdIndex: blindIndex(idA),
      sensitiveConsentAt: new Date(),
    },
  });
  accountA = account.id;
});

describe("authentication", () => {
  it("refuses a call without a token, with an unknown token, and a revoked one (401, JSON, no cookies involved)", async () => {
    const none = await call(getStatus, "/api/v1/self-check-status?cohort=2023");
    expect(none.status).toBe(401);
    expect(none.body).toMatchObject({ code: "api.errors.missingToken" });
    expect(none.headers.get("www-authenticate")).toContain("Bearer");
    expect(
      (await call(getStatus, "/api/v1/self-check-status?cohort=2023", { token: "xjt_forged" })).status,
    ).toBe(401);

    const temp = await createApiToken(admin, { name: "临时", role: "registrar" });
    if (!temp.ok) throw new Error("token");
    expect(
      (await call(getStatus, "/api/v1/self-check-status?cohort=2023", { token: temp.value.token })).status,
    ).toBe(200);
    await revokeApiToken(admin, temp.value.id);
    const revoked = await call(getStatus, "/api/v1/self-check-status?cohort=2023", {
      token: temp.value.token,
    });
    expect(revoked.status).toBe(401);
    expect(revoked.body).toMatchObject({
      code: "api.errors.invalidToken",
      error: expect.stringContaining("revoked"),
    });
    const zh = await call(getStatus, "/api/v1/self-check-status?cohort=2023", {
      token: temp.value.token,
      headers: { "accept-language": "zh-CN,zh;q=0.9" },
    });
    expect(zh.body.error).toContain("撤销");
  });

  it("limits each token to its requests per minute (429 with Retry-After), other tokens unaffected", async () => {
    const busy = await createApiToken(admin, { name: "忙碌的客户端", role: "registrar" });
    if (!busy.ok) throw new Error("token");
    expect(
      (await call(getStatus, "/api/v1/self-check-status?cohort=2023", { token: busy.value.token })).status,
    ).toBe(200);
    await consume("apiPerTokenMinute", busy.value.id, LIMITS.apiPerTokenMinute.points - 1);
    const limited = await call(getStatus, "/api/v1/self-check-status?cohort=2023", {
      token: busy.value.token,
    });
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ code: "api.errors.rateLimited" });
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(
      (await call(getStatus, "/api/v1/self-check-status?cohort=2023", { token: registrarToken })).status,
    ).toBe(200);
  });

  it("serves the OpenAPI 3.1 document generated from the schemas", async () => {
    const doc = await call(openapi, "/api/v1/openapi.json");
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toBe("3.1.0");
    const paths = doc.body.paths as Record<string, Record<string, unknown>>;
    expect(Object.keys(paths).sort()).toEqual([
      "/api/v1/corrections",
      "/api/v1/corrections/{id}",
      "/api/v1/corrections/{id}/decision",
      "/api/v1/records",
      "/api/v1/self-check-status",
      "/api/v1/students/{studentNumber}/status",
    ]);
    expect(paths["/api/v1/records"].put).toBeDefined();
    const schemas = (doc.body.components as { schemas: Record<string, { required?: string[] }> }).schemas;
    expect(schemas.EnrollmentRecordInput.required).toEqual(
      expect.arrayContaining(["studentNumber", "idNumber", "college"]),
    );
  });
});

describe("PUT /api/v1/records", () => {
  it("creates valid records, reports invalid items one by one, and audits as api", async () => {
    const res = await call(putRecords, "/api/v1/records", {
      method: "PUT",
      token: registrarToken,
      body: { records: [recA, badB, recC] },
    });
    expect(res.status).toBe(200);
    expect(res.body.summary).toEqual({
      received: 3,
      created: 2,
      updated: 0,
      unchanged: 0,
      errors: 1,
      conflicts: 0,
    });
    const results = res.body.results as {
      index: number;
      outcome: string;
      studentNumber: string;
      issues?: { field: string; code: string; message: string }[];
    }[];
    expect(results.map((r) => [r.index, r.studentNumber, r.outcome])).toEqual([
      [0, snA, "created"],
      [1, snB, "error"],
      [2, snC, "created"],
    ]);
    expect(results[1].issues?.[0]).toMatchObject({ field: "idNumber", code: "import.issues.idCheckDigit" });

    const a = await db.enrollmentRecord.findUniqueOrThrow({
      where: { studentNumber: snA },
      include: { college: true },
    });
    expect(a.college.name).toBe(collegeName);
    expect(a.version).toBe(1);
    expect(a.idNumberEnc).not.toContain(idA);
    expect(decrypt(a.idNumberEnc)).toBe(idA);
    expect(a.idMasked).toBe(maskIdNumber(idA));
    expect(a.accountId).toBe(accountA);
    expect(await db.enrollmentRecord.findUnique({ where: { studentNumber: snB } })).toBeNull();

    const job = await db.importJob.findUniqueOrThrow({ where: { id: res.body.importJobId as string } });
    expect(job.status).toBe("committed");
    const entry = await db.auditLog.findFirst({ where: { action: "roster.commit", targetId: job.id } });
    expect(entry).toMatchObject({ actorType: "api", actorId: registrarTokenId });
    expect(JSON.stringify(await db.auditLog.findMany({ where: { targetId: job.id } }))).not.toContain(idA);
  });

  it("updates changed records (version + 1, history from import), leaves the same ones alone", async () => {
    const res = await call(putRecords, "/api/v1/records", {
      method: "PUT",
      token: registrarToken,
      body: { records: [{ ...recA, status: "休学" }, recC] },
    });
    expect(res.status).toBe(200);
    expect(res.body.summary).toMatchObject({ updated: 1, unchanged: 1, errors: 0 });
    const a = await db.enrollmentRecord.findUniqueOrThrow({ where: { studentNumber: snA } });
    expect(a).toMatchObject({ status: "休学", version: 2 });
    const history = await db.recordHistory.findMany({ where: { recordId: a.id } });
    expect(history).toEqual([
      expect.objectContaining({
        field: "status",
        beforeValue: "在籍(注册学籍)",
        afterValue: "休学",
        source: "import",
        recordVersion: 2,
      }),
    ]);
    // and back, so the record is 在籍 for the rest of the file
    await call(putRecords, "/api/v1/records", {
      method: "PUT",
      token: registrarToken,
      body: { records: [recA] },
    });
  });

  it("never overwrites a field an approved correction changed: the item is a conflict, the field kept", async () => {
    const c = await db.enrollmentRecord.findUniqueOrThrow({ where: { studentNumber: snC } });
    await db.recordHistory.create({
      data: {
        recordId: c.id,
        field: "ethnicity",
        beforeValue: "回族",
        afterValue: "汉族",
        source: "correction",
        recordVersion: c.version,
      },
    });
    const res = await call(putRecords, "/api/v1/records", {
      method: "PUT",
      token: registrarToken,
      body: { records: [{ ...recC, ethnicity: "回族" }] },
    });
    expect(res.status).toBe(200);
    const [item] = res.body.results as { outcome: string; issues: { field: string; code: string }[] }[];
    expect(item.outcome).toBe("conflict");
    expect(item.issues[0]).toMatchObject({ field: "ethnicity", code: "import.issues.conflict" });
    expect((await db.enrollmentRecord.findUniqueOrThrow({ where: { id: c.id } })).ethnicity).toBe("汉族");
  });

  it("checks the body's shape before anything else", async () => {
    const empty = await call(putRecords, "/api/v1/records", {
      method: "PUT",
      token: registrarToken,
      body: { records: [] },
    });
    expect(empty.status).toBe(400);
    expect(empty.body.fieldErrors).toHaveProperty("records");
    const tooMany = await call(putRecords, "/api/v1/records", {
      method: "PUT",
      token: registrarToken,
      body: { records: Array(1001).fill(recA) },
    });
    expect(tooMany.status).toBe(400);
    expect(
      (await call(putRecords, "/api/v1/records", { method: "PUT", token: registrarToken, body: "{not json" }))
        .status,
    ).toBe(400);
    const form = await call(putRecords, "/api/v1/records", {
      method: "PUT",
      token: registrarToken,
      body: "records=1",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(form.status).toBe(415);
    const item = await call(putRecords, "/api/v1/records", {
      method: "PUT",
      token: registrarToken,
      body: { records: [{ studentNumber: 42 }] },
    });
    expect(item.status).toBe(200);
    const [result] = item.body.results as { outcome: string; issues: { field: string }[] }[];
    expect(result.outcome).toBe("error");
    expect(result.issues.map((i) => i.field)).toEqual(
      expect.arrayContaining(["studentNumber", "name", "idNumber"]),
    );
  });

  it("is refused to college tokens (wrong role → 403)", async () => {
    const res = await call(putRecords, "/api/v1/records", {
      method: "PUT",
      token: otherCollegeToken,
      body: { records: [recA] },
    });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: "api.errors.forbidden" });
  });
});

describe("GET /api/v1/self-check-status", () => {
  let collegeCode: string;
  beforeAll(async () => {
    const college = await db.college.findUniqueOrThrow({ where: { name: collegeName } });
    collegeCode = college.code;
    const token = await createApiToken(admin, {
      name: "本学院看板",
      role: "college",
      collegeIds: [college.id],
    });
    if (!token.ok) throw new Error("token");
    collegeToken = token.value.token;
    collegeTokenId = token.value.id;
    const now = Date.now();
    const campaign = await db.campaign.create({
      data: {
        name: `2023级自查${tag}`,
        cohort: "2023",
        level: "普通本科",
        startsAt: new Date(now - 86_400_000),
        endsAt: new Date(now + 86_400_000 * 7),
      },
    });
    const a = await db.enrollmentRecord.findUniqueOrThrow({ where: { studentNumber: snA } });
    await db.selfCheck.create({
      data: {
        campaignId: campaign.id,
        recordId: a.id,
        accountId: accountA,
        confirmedAt: new Date(),
        confirmedVersion: a.version,
      },
    });
    // written directly, not through the services that keep the dashboards' summary
    await rebuildProgress({ campaignIds: [campaign.id] });
  });

  it("counts registered / viewed / confirmed / reported per college", async () => {
    const res = await call(getStatus, `/api/v1/self-check-status?cohort=2023&collegeCode=${collegeCode}`, {
      token: registrarToken,
    });
    expect(res.status).toBe(200);
    expect(res.body.colleges).toEqual([
      { collegeCode, collegeName, records: 2, registered: 1, viewed: 1, confirmed: 1, reported: 0 },
    ]);
    expect((res.body.campaign as { level: string }).level).toBe("普通本科");
    const own = await call(getStatus, `/api/v1/self-check-status?cohort=2023&collegeCode=${collegeCode}`, {
      token: collegeToken,
    });
    expect(own.status).toBe(200);
    expect(own.body.totals).toMatchObject({ records: 2, confirmed: 1 });
    const all = await call(getStatus, "/api/v1/self-check-status?cohort=2023", { token: collegeToken });
    expect((all.body.colleges as { collegeCode: string }[]).map((c) => c.collegeCode)).toEqual([collegeCode]);
  });

  it("a college token outside its scope gets 404, exactly like an unknown college", async () => {
    const outside = await call(
      getStatus,
      `/api/v1/self-check-status?cohort=2023&collegeCode=${collegeCode}`,
      { token: otherCollegeToken },
    );
    expect(outside.status).toBe(404);
    expect(outside.body).toMatchObject({ code: "api.status.collegeNotFound" });
    const unknown = await call(getStatus, "/api/v1/self-check-status?cohort=2023&collegeCode=NOPE", {
      token: otherCollegeToken,
    });
    expect(unknown.body).toEqual(outside.body);
    const mine = await call(getStatus, "/api/v1/self-check-status?cohort=2023", { token: otherCollegeToken });
    expect(mine.status).toBe(200);
    expect((mine.body.colleges as { collegeCode: string }[]).map((c) => c.collegeCode)).not.toContain(
      collegeCode,
    );
    expect(
      (await call(getStatus, "/api/v1/self-check-status?cohort=twenty", { token: registrarToken })).status,
    ).toBe(400);
    const noCampaign = await call(getStatus, "/api/v1/self-check-status?cohort=1999", {
      token: registrarToken,
    });
    expect(noCampaign.body).toMatchObject({
      cohort: "1999",
      campaign: null,
      colleges: [],
      totals: { records: 0 },
    });
  });
});

describe("corrections", () => {
  let requestId: string;
  let itemId: string;
  beforeAll(async () => {
    const a = await db.enrollmentRecord.findUniqueOrThrow({ where: { studentNumber: snA } });
    const student: StudentActor = {
      kind: "student",
      accountId: accountA,
      sessionId: "test",
      identityStatus: "verified",
    };
    const submitted = await submitCorrection(student, {
      recordId: a.id,
      recordVersion: a.version,
      items: [{ field: "department", value: "软件工程系", reason: "录取时系别漏填" }],
      files: [],
    });
    if (!submitted.ok) throw new Error(JSON.stringify(submitted));
    requestId = submitted.value.requestId;
    itemId = (await db.correctionItem.findFirstOrThrow({ where: { requestId } })).id;
  });

  it("another college's token sees nothing of it: not in the list, 404 on read and decision", async () => {
    const list = await call(listCorrections, "/api/v1/corrections?status=all", { token: otherCollegeToken });
    expect(list.status).toBe(200);
    expect((list.body.corrections as { id: string }[]).map((c) => c.id)).not.toContain(requestId);
    expect(
      (
        await call(getCorrection, `/api/v1/corrections/${requestId}`, {
          token: otherCollegeToken,
          params: { id: requestId },
        })
      ).status,
    ).toBe(404);
    const decision = await call(decide, `/api/v1/corrections/${requestId}/decision`, {
      method: "POST",
      token: otherCollegeToken,
      params: { id: requestId },
      body: { decisions: [{ itemId, decision: "accepted" }] },
    });
    expect(decision.status).toBe(404);
    expect((await db.correctionRequest.findUniqueOrThrow({ where: { id: requestId } })).status).toBe(
      "submitted",
    );
  });

  it("the college token reviews first, the registrar token decides finally and the record changes", async () => {
    const list = await call(listCorrections, "/api/v1/corrections", { token: collegeToken });
    expect(list.body.stage).toBe("college");
    const row = (
      list.body.corrections as { id: string; fields: string[]; studentNumber: string; lockVersion: number }[]
    ).find((c) => c.id === requestId);
    expect(row).toMatchObject({ fields: ["department"], studentNumber: snA });
    const detail = await call(getCorrection, `/api/v1/corrections/${requestId}`, {
      token: collegeToken,
      params: { id: requestId },
    });
    expect(detail.body.items).toEqual([
      expect.objectContaining({ id: itemId, field: "department", requested: "软件工程系" }),
    ]);

    // the registrar cannot decide before the college
    const early = await call(decide, `/api/v1/corrections/${requestId}/decision`, {
      method: "POST",
      token: registrarToken,
      params: { id: requestId },
      body: { decisions: [{ itemId, decision: "accepted" }] },
    });
    expect(early.status).toBe(409);

    const first = await call(decide, `/api/v1/corrections/${requestId}/decision`, {
      method: "POST",
      token: collegeToken,
      params: { id: requestId },
      body: { lockVersion: row?.lockVersion, decisions: [{ itemId, decision: "accepted" }] },
    });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ stage: "college", status: "college_confirmed", accepted: 1, rejected: 0 });
    const again = await call(decide, `/api/v1/corrections/${requestId}/decision`, {
      method: "POST",
      token: collegeToken,
      params: { id: requestId },
      body: { decisions: [{ itemId, decision: "accepted" }] },
    });
    expect(again.status).toBe(409);
    const audit = await db.auditLog.findFirst({
      where: { action: "correction.collegeReview", targetId: requestId },
    });
    expect(audit).toMatchObject({ actorType: "api", actorId: collegeTokenId });

    const noReason = await call(decide, `/api/v1/corrections/${requestId}/decision`, {
      method: "POST",
      token: registrarToken,
      params: { id: requestId },
      body: { decisions: [{ itemId, decision: "rejected" }] },
    });
    expect(noReason.status).toBe(422);
    expect(noReason.body.fieldErrors).toHaveProperty(`reason.${itemId}`);
    const badShape = await call(decide, `/api/v1/corrections/${requestId}/decision`, {
      method: "POST",
      token: registrarToken,
      params: { id: requestId },
      body: { decisions: [{ itemId, decision: "maybe" }] },
    });
    expect(badShape.status).toBe(400);

    const final = await call(decide, `/api/v1/corrections/${requestId}/decision`, {
      method: "POST",
      token: registrarToken,
      params: { id: requestId },
      body: { decisions: [{ itemId, decision: "accepted" }] },
    });
    expect(final.status).toBe(200);
    expect(final.body).toEqual({ stage: "registrar", status: "approved", accepted: 1, rejected: 0 });
    const a = await db.enrollmentRecord.findUniqueOrThrow({ where: { studentNumber: snA } });
    expect(a.department).toBe("软件工程系");
    const registrarAudit = await db.auditLog.findFirst({
      where: { action: "correction.registrarReview", targetId: requestId },
    });
    expect(registrarAudit).toMatchObject({ actorType: "api", actorId: registrarTokenId });
  });

  it("a registrar token that was revoked can no longer decide or read", async () => {
    await revokeApiToken(admin, registrarTokenId);
    expect((await call(listCorrections, "/api/v1/corrections", { token: registrarToken })).status).toBe(401);
    expect(
      (
        await call(putRecords, "/api/v1/records", {
          method: "PUT",
          token: registrarToken,
          body: { records: [recA] },
        })
      ).status,
    ).toBe(401);
  });
});

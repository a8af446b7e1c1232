import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createApiToken } from "@/lib/admin/api-tokens";
import { GET as studentStatusRoute } from "@/app/api/v1/students/[studentNumber]/status/route";
import { makeStaff, uid } from "../admin/fixtures";
import { makeAccount, makeCollege, uniqueCohort } from "../progress/support";
import { call } from "./client";

/** Issue 12 item 20: GET /api/v1/students/{学号}/status, inside the token's colleges. */
describe("a student's status by 学号", () => {
  it("answers the record's status, self-checks and open request; other colleges and unknown 学号 are 404", async () => {
    const cohort = uniqueCohort();
    const a = await makeCollege("接口院", cohort, 2);
    const b = await makeCollege("他院", cohort, 1);
    const campaign = await db.campaign.create({
      data: {
        name: `${cohort}级自查`,
        cohort,
        level: "本科",
        startsAt: new Date(),
        endsAt: new Date(Date.now() + 86_400_000),
      },
    });
    const account = await makeAccount();
    const record = a.records[0];
    await db.enrollmentRecord.update({ where: { id: record.id }, data: { accountId: account.id } });
    await db.selfCheck.create({
      data: { campaignId: campaign.id, recordId: record.id, accountId: account.id, reportedAt: new Date() },
    });
    const request = await db.correctionRequest.create({
      data: { recordId: record.id, accountId: account.id, collegeId: a.college.id, recordVersionAtSubmit: 1 },
    });
    const admin = (await makeStaff("admin")).actor;
    const registrar = await createApiToken(admin, { name: `学生状态${uid(4)}`, role: "registrar" });
    const college = await createApiToken(admin, {
      name: `学院${uid(4)}`,
      role: "college",
      collegeIds: [b.college.id],
    });
    if (!registrar.ok || !college.ok) throw new Error("setup");
    const get = (number: string, token: string | null) =>
      call(studentStatusRoute, `/api/v1/students/${encodeURIComponent(number)}/status`, {
        token,
        params: { studentNumber: number },
      });

    const res = await get(record.studentNumber, registrar.value.token);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      studentNumber: record.studentNumber,
      name: record.name,
      collegeName: a.college.name,
      registered: true,
      graduationRegistered: false,
      openCorrection: { id: request.id, status: "submitted" },
      selfChecks: [{ campaignId: campaign.id, campaignName: campaign.name, confirmedAt: null }],
    });
    expect(JSON.stringify(res.body)).not.toContain(account.phone);
    expect(res.body).not.toHaveProperty("idMasked");

    expect((await get(a.records[1].studentNumber, registrar.value.token)).body).toMatchObject({
      registered: false,
      openCorrection: null,
      selfChecks: [],
    });
    expect((await get(record.studentNumber, college.value.token)).status).toBe(404);
    expect((await get(b.records[0].studentNumber, college.value.token)).status).toBe(200);
    expect((await get("NO-SUCH", registrar.value.token)).status).toBe(404);
    expect((await get("../../etc", registrar.value.token)).status).toBe(404);
    expect((await get(record.studentNumber, null)).status).toBe(401);
    expect(
      await db.auditLog.count({
        where: {
          action: "api.read",
          actorId: registrar.value.id,
          targetId: { contains: record.studentNumber },
        },
      }),
    ).toBe(1);
  });
});

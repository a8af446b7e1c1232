import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { requestForStaff, requestForStudent } from "@/lib/corrections/queries";
import { submitCorrection } from "@/lib/corrections/submit";
import { recordWithOrg } from "@/lib/records/view";
import {
  evidencePng,
  makeCampaign,
  makeOrg,
  makeStudent,
  staffActor,
  uniqueCohort,
  uploadFile,
  type Org,
} from "./fixtures";

/**
 * The review pages and the student's request page read a request, its items, evidence and record with raw
 * statements: held here to what Prisma's include returns, types included, on both databases.
 */
let org: Org;
let png: Buffer;
beforeAll(async () => {
  org = await makeOrg();
  png = await evidencePng();
});

const file = (name: string) => uploadFile(png, name);

async function modelRead(id: string) {
  return db.correctionRequest.findUniqueOrThrow({
    where: { id },
    include: {
      items: { orderBy: { id: "asc" } },
      evidence: {
        orderBy: { createdAt: "asc" },
        select: { id: true, displayName: true, mime: true, size: true },
      },
      record: { include: recordWithOrg },
    },
  });
}

describe("a correction request as the review pages read it", () => {
  it("equals the model's request, items in filing order, evidence and record, for staff and its student", async () => {
    const cohort = uniqueCohort();
    await makeCampaign({ cohort });
    const s = await makeStudent(org, { cohort });
    const sent = await submitCorrection(s.actor, {
      recordId: s.record.id,
      recordVersion: 1,
      items: [
        { field: "studyMode", value: "非全日制", reason: "录取通知书为非全日制" },
        { field: "department", value: "软件工程系", reason: "学院通知" },
      ],
      files: [file("通知书.png"), file("学院通知.png")],
    });
    if (!sent.ok) throw new Error("the request was not filed");
    const model = await modelRead(sent.value.requestId);

    const college = staffActor(["college"], [org.college.id]);
    for (const detail of [
      await requestForStaff(college, "college", model.id),
      await requestForStaff(staffActor(["registrar"]), "registrar", model.id),
      await requestForStudent(s.actor, model.id),
    ]) {
      expect(detail).not.toBeNull();
      expect(detail).toMatchObject({
        id: model.id,
        status: model.status,
        route: model.route,
        lockVersion: model.lockVersion,
        createdAt: model.createdAt,
        collegeDecidedAt: null,
        appliedAt: null,
        evidence: model.evidence,
        record: {
          id: model.record.id,
          name: model.record.name,
          studentNumber: model.record.studentNumber,
          collegeName: model.record.college.name,
          majorName: model.record.major.name,
          className: model.record.classGroup.name,
          version: model.record.version,
          graduationRegistered: false,
        },
      });
      expect(detail!.createdAt).toBeInstanceOf(Date);
      expect(detail!.items.map((i) => [i.id, i.field, i.requested, i.reason, i.collegeDecision])).toEqual(
        model.items.map((i) => [i.id, i.field, i.requestedValue, i.reason, "pending"]),
      );
      expect(detail!.items.map((i) => i.field)).toEqual(["studyMode", "department"]);
      expect(detail!.evidence.map((e) => e.displayName)).toEqual(["通知书.png", "学院通知.png"]);
      expect(typeof detail!.evidence[0].size).toBe("number");
    }
  });

  it("a request without evidence reads with none; another student's or an unknown id is not found", async () => {
    const s = await makeStudent(org);
    const other = await makeStudent(org);
    const sent = await submitCorrection(s.actor, {
      recordId: s.record.id,
      recordVersion: 1,
      items: [{ field: "department", value: "软件工程系", reason: "学院通知" }],
      files: [],
    });
    if (!sent.ok) throw new Error("the request was not filed");
    const detail = await requestForStudent(s.actor, sent.value.requestId);
    expect(detail?.evidence).toEqual([]);
    expect(detail?.items).toHaveLength(1);
    expect(await requestForStudent(other.actor, sent.value.requestId)).toBeNull();
    expect(await requestForStaff(staffActor(["registrar"]), "registrar", "no-such-request")).toBeNull();
    expect(
      await requestForStaff(staffActor(["college"], [org.otherCollege.id]), "college", sent.value.requestId),
    ).toBeNull();
  });
});

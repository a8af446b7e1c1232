import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { CLASS_CHOICES_LIMIT, filterOptions } from "@/lib/progress/options";
import { openingBreakdown } from "@/lib/progress/breakdown-view";
import { collegeActor, registrarActor } from "../roster-import/support";
import { makeCollege, uniqueCohort } from "./support";

/** The not-checked list's class filter: a college with many classes offers them once a major is chosen. */
describe("class choices of the list filters", async () => {
  const small = await makeCollege("少班院", uniqueCohort(), 0);
  const large = await makeCollege("多班院", uniqueCohort(), 0);
  const otherMajor = await db.major.create({ data: { collegeId: large.college.id, name: "多班院二专业" } });
  await db.classGroup.createMany({
    data: Array.from({ length: CLASS_CHOICES_LIMIT }, (_, i) => ({
      collegeId: large.college.id,
      majorId: i % 2 ? otherMajor.id : large.major.id,
      name: `多班${String(i).padStart(2, "0")}班`,
    })),
  });

  it("a college with few classes offers them all at once", async () => {
    const options = await filterOptions(collegeActor([small.college.id]), {});
    expect(options.classGroups.map((g) => g.id)).toEqual([small.classGroup.id]);
    expect(options.classesNeedMajor).toBe(false);
    // and its desk opens on its classes
    expect(openingBreakdown(options, {})).toBe("classGroup");
  });

  it("a college with many classes offers them once a major is chosen", async () => {
    const actor = collegeActor([large.college.id]);
    const none = await filterOptions(actor, {});
    expect(none.classesNeedMajor).toBe(true);
    expect(none.classGroups).toEqual([]);
    expect(none.majors).toHaveLength(2);
    // its desk opens on its majors, each leading to its classes
    expect(openingBreakdown(none, {})).toBe("major");

    const byMajor = await filterOptions(actor, { majorId: otherMajor.id });
    expect(byMajor.classesNeedMajor).toBe(false);
    expect(byMajor.classGroups).toHaveLength(CLASS_CHOICES_LIMIT / 2);
    expect(openingBreakdown(byMajor, {})).toBe("classGroup");
  });

  it("a class chosen without a major is still offered, so the filter form keeps it", async () => {
    const options = await filterOptions(collegeActor([large.college.id]), {
      classGroupId: large.classGroup.id,
    });
    expect(options.classesNeedMajor).toBe(true);
    expect(options.classGroups).toEqual([{ id: large.classGroup.id, name: large.classGroup.name }]);
  });

  it("a chosen class that sorts after the first choices is offered too", async () => {
    const last = await db.classGroup.create({
      data: { collegeId: large.college.id, majorId: large.major.id, name: "多班99末班" },
    });
    const options = await filterOptions(collegeActor([large.college.id]), { classGroupId: last.id });
    expect(options.classesNeedMajor).toBe(true);
    expect(options.classGroups).toEqual([{ id: last.id, name: "多班99末班" }]);
  });

  it("a class outside the actor's scope is not offered", async () => {
    const options = await filterOptions(collegeActor([large.college.id]), {
      classGroupId: small.classGroup.id,
    });
    expect(options.classGroups).toEqual([]);
  });

  it("every choice in name order (colleges by code), as the database sorts them", async () => {
    const options = await filterOptions(collegeActor([large.college.id]), { majorId: large.major.id });
    const majors = await db.major.findMany({
      where: { collegeId: large.college.id },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    });
    const classes = await db.classGroup.findMany({
      where: { majorId: large.major.id },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    });
    expect(options.majors).toEqual(majors);
    expect(options.classGroups).toEqual(classes);
    const everyCollege = await filterOptions(registrarActor(), {});
    const colleges = await db.college.findMany({
      orderBy: { code: "asc" },
      select: { id: true, name: true },
    });
    expect(everyCollege.colleges).toEqual(colleges);
  });

  it("a chosen college narrows the majors and classes, for the registrar and for staff of several colleges", async () => {
    for (const actor of [registrarActor(), collegeActor([small.college.id, large.college.id])]) {
      const options = await filterOptions(actor, { collegeId: small.college.id });
      expect(options.majors).toEqual([{ id: small.major.id, name: small.major.name }]);
      expect(options.classGroups).toEqual([{ id: small.classGroup.id, name: small.classGroup.name }]);
    }
    // two colleges and none chosen: both colleges' majors, the classes wait for a choice
    const both = await filterOptions(collegeActor([small.college.id, large.college.id]), {});
    expect(both.majors.map((m) => m.id).sort()).toEqual(
      [small.major.id, large.major.id, otherMajor.id].sort(),
    );
    expect(both.classGroups).toEqual([]);
  });

  it("a college outside the actor's scope chosen in the URL offers nothing", async () => {
    const options = await filterOptions(collegeActor([large.college.id]), { collegeId: small.college.id });
    expect(options.colleges.map((c) => c.id)).toEqual([large.college.id]);
    expect(options.majors).toEqual([]);
    expect(options.classGroups).toEqual([]);
  });
});

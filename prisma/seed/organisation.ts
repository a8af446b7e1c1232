import type { Prisma } from "../../lib/db/generated/sqlite/client";
import { CATALOG } from "./catalog";
import { newId } from "./ids";
import type { UniversityPlan } from "./plan";

export type Organisation = {
  colleges: (Prisma.CollegeCreateManyInput & { id: string })[];
  majors: (Prisma.MajorCreateManyInput & { id: string })[];
  classGroups: (Prisma.ClassGroupCreateManyInput & { id: string })[];
  /** ids by the generator's keys: college code, "C01-01", "C01/计算机2301班" */
  collegeId: ReadonlyMap<string, string>;
  majorId: ReadonlyMap<string, string>;
  classGroupId: ReadonlyMap<string, string>;
};

export function classGroupKey(collegeCode: string, className: string): string {
  return `${collegeCode}/${className}`;
}

/** Colleges and majors of the whole catalog (a major may have no students at small N), classes of the plan. */
export function buildOrganisation(plan: UniversityPlan, now: Date): Organisation {
  const collegeId = new Map<string, string>();
  const majorId = new Map<string, string>();
  const classGroupId = new Map<string, string>();
  const colleges: Organisation["colleges"] = [];
  const majors: Organisation["majors"] = [];
  const classGroups: Organisation["classGroups"] = [];
  for (const college of CATALOG) {
    const id = newId();
    collegeId.set(college.code, id);
    colleges.push({ id, code: college.code, name: college.name, createdAt: now });
    for (const major of college.majors) {
      const mid = newId();
      majorId.set(`${college.code}-${major.code}`, mid);
      majors.push({ id: mid, collegeId: id, name: major.name, createdAt: now });
    }
  }
  for (const group of plan.groups)
    for (const { name } of group.classes) {
      const id = newId();
      classGroupId.set(classGroupKey(group.college.code, name), id);
      classGroups.push({
        id,
        collegeId: collegeId.get(group.college.code) as string,
        majorId: majorId.get(`${group.college.code}-${group.major.code}`) as string,
        name,
        createdAt: now,
      });
    }
  return { colleges, majors, classGroups, collegeId, majorId, classGroupId };
}

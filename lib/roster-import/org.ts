import { newId } from "./ids";

/** Existing organisation units, as loaded before a run. */
export type OrgSnapshot = {
  colleges: { id: string; code: string; name: string }[];
  majors: { id: string; collegeId: string; name: string }[];
  classGroups: { id: string; collegeId: string; majorId: string; name: string }[];
};

export type NewUnits = {
  colleges: { id: string; code: string; name: string }[];
  majors: { id: string; collegeId: string; name: string; collegeName: string }[];
  classGroups: {
    id: string;
    collegeId: string;
    majorId: string;
    name: string;
    collegeName: string;
    majorName: string;
  }[];
};

/**
 * Resolves the 分院 / 专业 / 班级 names of roster rows to ids. Names the database does not know yet get
 * an id at once and are listed as units to create (on commit, in the same transaction as the records).
 * A class group belongs to one college; the major it is created under is that of the first row naming it.
 */
export class OrgResolver {
  private readonly collegeByName = new Map<string, string>();
  private readonly majorByKey = new Map<string, string>();
  private readonly classByKey = new Map<string, string>();
  private readonly codes = new Set<string>();
  readonly collegeName = new Map<string, string>();
  readonly majorName = new Map<string, string>();
  readonly className = new Map<string, string>();
  readonly created: NewUnits = { colleges: [], majors: [], classGroups: [] };

  constructor(snapshot: OrgSnapshot) {
    for (const c of snapshot.colleges) {
      this.collegeByName.set(c.name, c.id);
      this.collegeName.set(c.id, c.name);
      this.codes.add(c.code);
    }
    for (const m of snapshot.majors) {
      this.majorByKey.set(`${m.collegeId}\u0000${m.name}`, m.id);
      this.majorName.set(m.id, m.name);
    }
    for (const g of snapshot.classGroups) {
      this.classByKey.set(`${g.collegeId}\u0000${g.name}`, g.id);
      this.className.set(g.id, g.name);
    }
  }

  private nextCode(): string {
    for (let n = this.codes.size + 1; ; n++) {
      const code = `C${String(n).padStart(2, "0")}`;
      if (!this.codes.has(code)) {
        this.codes.add(code);
        return code;
      }
    }
  }

  resolve(
    college: string,
    major: string,
    classGroup: string,
  ): { collegeId: string; majorId: string; classGroupId: string } {
    let collegeId = this.collegeByName.get(college);
    if (!collegeId) {
      collegeId = newId();
      this.collegeByName.set(college, collegeId);
      this.collegeName.set(collegeId, college);
      this.created.colleges.push({ id: collegeId, code: this.nextCode(), name: college });
    }
    const majorKey = `${collegeId}\u0000${major}`;
    let majorId = this.majorByKey.get(majorKey);
    if (!majorId) {
      majorId = newId();
      this.majorByKey.set(majorKey, majorId);
      this.majorName.set(majorId, major);
      this.created.majors.push({ id: majorId, collegeId, name: major, collegeName: college });
    }
    const classKey = `${collegeId}\u0000${classGroup}`;
    let classGroupId = this.classByKey.get(classKey);
    if (!classGroupId) {
      classGroupId = newId();
      this.classByKey.set(classKey, classGroupId);
      this.className.set(classGroupId, classGroup);
      this.created.classGroups.push({
        id: classGroupId,
        collegeId,
        majorId,
        name: classGroup,
        collegeName: college,
        majorName: major,
      });
    }
    return { collegeId, majorId, classGroupId };
  }
}

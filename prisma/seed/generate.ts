/**
 * Pure demo-university generator: same seed and N, same university (names, ID numbers, 学号, classes).
 * No database, no files, no clock. Records are produced lazily so 100,000+ students stream through the
 * loader without being held in memory.
 */
import {
  EDUCATION_CATEGORY,
  GRADUATED_STATUS,
  hasGraduated,
  ID_TYPE_RESIDENT,
  RECORD_STATUS,
  STUDY_MODE,
  type Level,
} from "./catalog";
import { ETHNICITIES } from "./data/ethnicities";
import { ETHNIC_REGIONS, GENERAL_REGIONS } from "./data/regions";
import { DEMO_STUDENTS, type DemoStudent } from "./demo-students";
import { IdNumberRegistry } from "./id-numbers";
import { generateName, type Gender } from "./names";
import { admissionPhotoKey, PHOTOS_PER_GENDER } from "./photo-keys";
import {
  planUniversity,
  studentNumber,
  type PlanOptions,
  type StudentGroup,
  type UniversityPlan,
} from "./plan";
import { createRng, weightedPicker, type Rng } from "./prng";

export { planUniversity, type UniversityPlan } from "./plan";

/** One 学籍 with every field of SPEC §4.2, in plain text (the loader encrypts the ID number). */
export type StudentRecord = {
  studentNumber: string;
  name: string;
  gender: Gender;
  /** YYYY-MM-DD, the date inside the ID number */
  birthDate: string;
  ethnicity: string;
  idType: typeof ID_TYPE_RESIDENT;
  idNumber: string;
  schoolName: string;
  level: Level;
  collegeCode: string;
  collegeName: string;
  /** "C01-01": college code + major code */
  majorKey: string;
  majorName: string;
  /** "4": years, as the national record shows it */
  duration: string;
  educationCategory: string;
  studyMode: string;
  department: string;
  className: string;
  enrolledOn: string;
  expectedGraduationOn: string;
  status: string;
  cohort: string;
  admissionPhotoKey: string;
  graduationRegistered: boolean;
  /** set on the records of DEMO_STUDENTS: the phone of their ready account */
  demoPhone?: string;
};

const pickEthnicity = weightedPicker(ETHNICITIES);
const pickGeneralRegion = weightedPicker(GENERAL_REGIONS);

/** Age at enrolment: mostly 18 for 本科/专科, 21 for 专升本 (after a 3-year 专科). */
const AGE_AT_ENROLMENT = weightedPicker<number>([
  [17, 8],
  [18, 65],
  [19, 21],
  [20, 6],
]);

function birthDateFor(rng: Rng, cohort: string, level: Level): string {
  const age = AGE_AT_ENROLMENT(rng) + (level === "专升本" ? 3 : 0);
  const year = Number(cohort) - age;
  const dayOfYear = rng.int(0, 364);
  return new Date(Date.UTC(year, 0, 1 + dayOfYear)).toISOString().slice(0, 10);
}

function regionFor(rng: Rng, ethnicity: string): string {
  const home = ETHNIC_REGIONS[ethnicity];
  return home && rng.chance(0.8) ? rng.pick(home) : pickGeneralRegion(rng);
}

type Placement = { group: StudentGroup; className: string; sequence: number };
type Person = Pick<
  StudentRecord,
  "name" | "gender" | "birthDate" | "ethnicity" | "idNumber" | "admissionPhotoKey" | "graduationRegistered"
>;

// One object literal with every field (no spread): building 100k records this way is several times faster.
function makeRecord(
  plan: UniversityPlan,
  { group, className, sequence }: Placement,
  person: Person,
  demoPhone?: string,
): StudentRecord {
  const { cohort, college, major, track } = group;
  return {
    studentNumber: studentNumber(cohort, college, major, sequence),
    name: person.name,
    gender: person.gender,
    birthDate: person.birthDate,
    ethnicity: person.ethnicity,
    idType: ID_TYPE_RESIDENT,
    idNumber: person.idNumber,
    schoolName: plan.schoolName,
    level: track.level,
    collegeCode: college.code,
    collegeName: college.name,
    majorKey: `${college.code}-${major.code}`,
    majorName: major.name,
    duration: track.duration,
    educationCategory: EDUCATION_CATEGORY,
    studyMode: STUDY_MODE,
    department: major.department,
    className,
    enrolledOn: `${cohort}-09-01`,
    expectedGraduationOn: `${Number(cohort) + Number(track.duration)}-06-30`,
    status: person.graduationRegistered ? GRADUATED_STATUS : RECORD_STATUS,
    cohort,
    admissionPhotoKey: person.admissionPhotoKey,
    graduationRegistered: person.graduationRegistered,
    demoPhone,
  };
}

function photoKey(plan: UniversityPlan, rng: Rng, gender: Gender): string {
  return admissionPhotoKey({ seed: plan.seed, gender, index: rng.int(0, PHOTOS_PER_GENDER - 1) });
}

function demoRecord(plan: UniversityPlan, rng: Rng, placement: Placement, demo: DemoStudent): StudentRecord {
  const person: Person = {
    name: demo.name,
    gender: demo.gender,
    birthDate: demo.birthDate,
    ethnicity: demo.ethnicity,
    idNumber: demo.idNumber,
    admissionPhotoKey: photoKey(plan, rng, demo.gender),
    graduationRegistered: demo.graduationRegistered,
  };
  return makeRecord(plan, placement, person, demo.phone);
}

function randomRecord(
  plan: UniversityPlan,
  rng: Rng,
  ids: IdNumberRegistry,
  placement: Placement,
): StudentRecord {
  const gender: Gender = rng.chance(placement.group.college.maleRatio) ? "男" : "女";
  const ethnicity = pickEthnicity(rng);
  const birthDate = birthDateFor(rng, placement.group.cohort, placement.group.track.level);
  const person: Person = {
    name: generateName(rng, ethnicity, gender),
    gender,
    birthDate,
    ethnicity,
    idNumber: ids.next(rng, regionFor(rng, ethnicity), birthDate, gender),
    admissionPhotoKey: photoKey(plan, rng, gender),
    // Only graduates are 学历注册: every graduated record, no current student's.
    graduationRegistered: hasGraduated(placement.group.cohort, placement.group.track.duration),
  };
  return makeRecord(plan, placement, person);
}

/**
 * Every record of the plan, group by group, class by class; the demo students come first in the first
 * group of their cohort (the plan counted them there).
 */
export function* generateRecords(plan: UniversityPlan): Generator<StudentRecord> {
  const rng = createRng(plan.seed, "people");
  const ids = new IdNumberRegistry();
  for (const demo of DEMO_STUDENTS) ids.reserve(demo.idNumber);
  const demoPlaced = new Set<string>();
  for (const group of plan.groups) {
    const demos = demoPlaced.has(group.cohort) ? [] : DEMO_STUDENTS.filter((d) => d.cohort === group.cohort);
    demoPlaced.add(group.cohort);
    let sequence = group.firstSequence;
    let inGroup = 0;
    for (const { name: className, size } of group.classes)
      for (let i = 0; i < size; i++, sequence++, inGroup++) {
        const placement = { group, className, sequence };
        yield inGroup < demos.length
          ? demoRecord(plan, rng, placement, demos[inGroup])
          : randomRecord(plan, rng, ids, placement);
      }
  }
}

export type GenerateOptions = { seed: number; students: number; schoolName?: string };

export const DEFAULT_SCHOOL_NAME = "示范大学";

export function createPlan({
  seed,
  students,
  schoolName = DEFAULT_SCHOOL_NAME,
}: GenerateOptions): UniversityPlan {
  const options: PlanOptions = { seed, students, schoolName };
  return planUniversity(options);
}

/** The whole university in memory: convenient for tests and small N. */
export function generateUniversity(options: GenerateOptions): {
  plan: UniversityPlan;
  records: StudentRecord[];
} {
  const plan = createPlan(options);
  return { plan, records: Array.from(generateRecords(plan)) };
}

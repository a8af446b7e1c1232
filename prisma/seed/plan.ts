import {
  CATALOG,
  COHORTS,
  hasGraduated,
  STORY_YEAR,
  type CollegeSpec,
  type MajorSpec,
  type Track,
} from "./catalog";
import { DEMO_STUDENTS } from "./demo-students";
import { createRng } from "./prng";

/** Students of one major, cohort and level: they share class groups and a run of 学号. */
export type StudentGroup = {
  cohort: string;
  college: CollegeSpec;
  major: MajorSpec;
  track: Track;
  /** first sequence number of this group's 学号 inside (cohort, major) */
  firstSequence: number;
  classes: readonly { name: string; size: number }[];
};

export type UniversityPlan = {
  seed: number;
  students: number;
  schoolName: string;
  groups: readonly StudentGroup[];
};

export type PlanOptions = { seed: number; students: number; schoolName: string };

/** Class sizes in real universities are ~35–45; a group is cut into as few classes of at most 45 as fit. */
const MAX_CLASS_SIZE = 45;
/** 学号 = cohort(4) + college(2) + major(2) + sequence(4). */
const MAX_SEQUENCE = 9999;

/** 计算机2301班, 计算机专升本2301班 */
export function classGroupName(major: MajorSpec, track: Track, cohort: string, index: number): string {
  const levelTag = track.level === "专升本" ? "专升本" : "";
  return `${major.shortName}${levelTag}${cohort.slice(2)}${String(index).padStart(2, "0")}班`;
}

export function studentNumber(
  cohort: string,
  college: CollegeSpec,
  major: MajorSpec,
  sequence: number,
): string {
  return cohort + college.code.slice(1) + major.code + String(sequence).padStart(4, "0");
}

/** Splits `total` in proportion to `weights`, exactly (largest remainder). */
function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => [x - Math.floor(x), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    counts[i] += 1;
  }
  return counts;
}

function splitIntoClasses(size: number): number[] {
  if (size === 0) return [];
  const count = Math.ceil(size / MAX_CLASS_SIZE);
  const base = Math.floor(size / count);
  return Array.from({ length: count }, (_, i) => base + (i < size % count ? 1 : 0));
}

/** A cohort before the story's year is in the roster only once graduated (a 5-year 2019 class is not yet). */
function inRoster(cohort: string, track: Track): boolean {
  return Number(cohort) >= STORY_YEAR - 1 || hasGraduated(cohort, track.duration);
}

/**
 * Decides how many students each (cohort, major, level) gets and how they are cut into classes. Each demo
 * student is added to the first group of their cohort (C01 计算机科学与技术, 本科), so 计算机2301班 always
 * holds the 2023 demo students and 计算机1901班 the graduate.
 */
export function planUniversity({ seed, students, schoolName }: PlanOptions): UniversityPlan {
  if (!Number.isInteger(students) || students < DEMO_STUDENTS.length)
    throw new Error(`students must be an integer ≥ ${DEMO_STUDENTS.length}`);
  const rng = createRng(seed, "plan");
  const slots: { cohort: string; college: CollegeSpec; major: MajorSpec; track: Track; weight: number }[] =
    [];
  for (const [cohort, cohortWeight] of COHORTS)
    for (const college of CATALOG)
      for (const major of college.majors) {
        // Majors differ in size; the jitter is per major so both cohorts look alike.
        const majorJitter = 0.7 + 0.6 * createRng(seed, `major:${college.code}${major.code}`).next();
        for (const track of major.tracks.filter((t) => inRoster(cohort, t)))
          slots.push({
            cohort,
            college,
            major,
            track,
            weight: cohortWeight * majorJitter * track.weight * (0.9 + 0.2 * rng.next()),
          });
      }
  const counts = apportion(
    students - DEMO_STUDENTS.length,
    slots.map((s) => s.weight),
  );
  for (const demo of DEMO_STUDENTS) {
    const first = slots.findIndex((s) => s.cohort === demo.cohort);
    if (first === -1) throw new Error(`no cohort ${demo.cohort} for demo student ${demo.studentNumber}`);
    counts[first] += 1;
  }

  const nextSequence = new Map<string, number>();
  const groups = slots.map((slot, i): StudentGroup => {
    const key = slot.cohort + slot.college.code + slot.major.code;
    const firstSequence = nextSequence.get(key) ?? 1;
    nextSequence.set(key, firstSequence + counts[i]);
    if (firstSequence + counts[i] - 1 > MAX_SEQUENCE)
      throw new Error(`too many students for 4-digit 学号 sequences in ${slot.major.name}; lower --students`);
    const sizes = splitIntoClasses(counts[i]);
    // A major has one track per level and the level is in the class name, so names never clash.
    const classes = sizes.map((size, c) => ({
      name: classGroupName(slot.major, slot.track, slot.cohort, c + 1),
      size,
    }));
    return {
      cohort: slot.cohort,
      college: slot.college,
      major: slot.major,
      track: slot.track,
      firstSequence,
      classes,
    };
  });
  return { seed, students, schoolName, groups };
}

/**
 * Demo data for the quick start and benchmarks:
 *   npx tsx --conditions=react-server prisma/seed/cli.ts [--students N] [--seed S] [--reset] [--activity]
 * --activity adds the "mid-week" state of the open campaign (./activity.ts) that the quick start shows.
 * Uses DATABASE_URL (default file:./data/app.db). Without --reset it leaves a database that already holds
 * data alone and exits 0, because the start command runs it on every start.
 */
import { parseArgs } from "node:util";
import { createClient } from "../../lib/db/client";
import { databaseUrl, providerOf } from "../../lib/db/provider";
import { parseEnv } from "../../lib/env-schema";
import { DEFAULT_DEMO_STAFF_PASSWORD, DEMO_STUDENT_PASSWORD, DEMO_STUDENTS } from "./demo-students";
import { DEFAULT_SCHOOL_NAME } from "./generate";
import { addDemoActivity } from "./activity";
import { loadDemoUniversity, type LoadSummary } from "./load";
import { ensurePhotoPool, uploadsDir } from "./photos";
import { hasData, resetDatabase } from "./reset";

const DEFAULT_STUDENTS = 2000;
const DEFAULT_SEED = 2023;

function options() {
  const { values } = parseArgs({
    options: {
      students: { type: "string", default: String(DEFAULT_STUDENTS) },
      seed: { type: "string", default: String(DEFAULT_SEED) },
      reset: { type: "boolean", default: false },
      activity: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  const students = Number(values.students);
  const seed = Number(values.seed);
  if (
    values.help ||
    !Number.isInteger(students) ||
    students < DEMO_STUDENTS.length ||
    !Number.isInteger(seed)
  ) {
    console.log(
      "usage: prisma/seed/cli.ts [--students N (≥ 5, default 2000)] [--seed S (integer)] [--reset] [--activity]",
    );
    process.exit(values.help ? 0 : 2);
  }
  return { students, seed, reset: values.reset, activity: values.activity };
}

/** Never print a PostgreSQL password. */
function describeUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, "//$1:***@");
}

function printSummary(summary: LoadSummary, staffPassword: string, fromEnv: boolean): void {
  const tally = (t: Record<string, number>) =>
    Object.entries(t)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ");
  console.log(
    `\n学院 ${summary.colleges}, 专业 ${summary.majors}, 班级 ${summary.classGroups}, 学籍 ${summary.records}`,
  );
  console.log(`  层次: ${tally(summary.byLevel)}`);
  console.log(`  年级: ${tally(summary.byCohort)}`);
  console.log(`  已学历注册(锁定): ${summary.graduationRegistered}`);
  console.log(`  自查批次: ${summary.campaigns} (2023级普通本科 open now, 2024级 closed)`);
  console.log(`\nDemo staff (sign in at /staff/login; must change password outside demo mode):`);
  console.log(`  ${summary.staffUsernames.join(", ")}`);
  console.log(`  password: ${fromEnv ? "(the value of DEMO_STAFF_PASSWORD)" : staffPassword}`);
  console.log(
    `\nDemo students (sign in at /login with the phone; password ${DEMO_STUDENT_PASSWORD}; fictional people):`,
  );
  for (const s of DEMO_STUDENTS)
    console.log(
      `  ${s.phone}  ${s.name}  学号 ${s.studentNumber}  证件号码 ${s.idNumber}  ${s.email ?? ""} ${s.note}`,
    );
}

async function main(): Promise<void> {
  const started = performance.now();
  const { students, seed, reset, activity } = options();
  const settings = parseEnv(process.env);
  if (settings.APP_MODE === "production") {
    // A real university's database never gets fictional students, whatever runs this command.
    console.error("APP_MODE=production: demo data is never loaded in production mode; nothing seeded.");
    process.exitCode = 1;
    return;
  }
  const url = databaseUrl();
  console.log(`Demo data → ${describeUrl(url)} (${providerOf(url)})`);
  const db = createClient(url);
  try {
    if (reset) {
      const t = performance.now();
      await resetDatabase(db, url);
      console.log(`--reset: all data deleted (${((performance.now() - t) / 1000).toFixed(1)} s)`);
    } else if (await hasData(db)) {
      const records = await db.enrollmentRecord.count();
      console.log(
        `The database already holds data (${records} records); nothing seeded. Use --reset to replace it.`,
      );
      return;
    }
    const staffPassword = settings.DEMO_STAFF_PASSWORD || DEFAULT_DEMO_STAFF_PASSWORD;
    const photos = await ensurePhotoPool(seed);
    console.log(
      `Admission photos: pool of ${photos.total} under ${uploadsDir()}/admission (${photos.written} new)`,
    );
    let lastReport = 0;
    const summary = await loadDemoUniversity(db, {
      url,
      seed,
      students,
      schoolName: settings.SCHOOL_NAME || DEFAULT_SCHOOL_NAME,
      staffPassword,
      onProgress: (written, total) => {
        if (written - lastReport >= 25_000) {
          lastReport = written;
          console.log(`  … ${written}/${total} records`);
        }
      },
    });
    printSummary(summary, staffPassword, Boolean(settings.DEMO_STAFF_PASSWORD));
    if (activity) {
      const a = await addDemoActivity(db);
      // The loader analyzed the tables it filled; the activity changed them (both providers know ANALYZE).
      await db.$executeRawUnsafe("ANALYZE");
      console.log(
        `  Open campaign so far: ${a.registered} more students registered, ${a.viewed} viewed their record, ${a.confirmed} confirmed`,
      );
    }
    // The loader and the activity wrote records and self-checks directly: count them for the dashboards.
    const { rebuildProgress } = await import("../../lib/progress/summary");
    await rebuildProgress({ client: db });
    // filled after the ANALYZE above: without statistics the dashboards' counts were planned for an empty table
    await db.$executeRawUnsafe('ANALYZE "ProgressSummary"');
    const seconds = (performance.now() - started) / 1000;
    const { hashingMs, organisationMs, recordsMs, recordsDbMs } = summary.timings;
    const rate = Math.round(summary.records / (recordsMs / 1000));
    console.log(
      `\nPhases: password hashing ${(hashingMs / 1000).toFixed(1)} s, organisation/staff/accounts ${(organisationMs / 1000).toFixed(1)} s, records ${(recordsMs / 1000).toFixed(1)} s (${rate} records/s; database ${(recordsDbMs / 1000).toFixed(1)} s, generating and encrypting the rest)`,
    );
    // maxRSS is the process's peak resident set size in KiB.
    const peakMb = process.resourceUsage().maxRSS / 1024;
    console.log(
      `\nSeeded ${summary.records} students (seed ${seed}) in ${seconds.toFixed(1)} s, peak RSS ${peakMb.toFixed(0)} MB`,
    );
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error("Seeding failed:", error);
  process.exit(1);
});

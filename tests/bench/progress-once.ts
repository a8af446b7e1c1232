/**
 * Dashboard queries on the 100,000-student database (run by tests/bench/progress.ts, one process per
 * provider): per-unit counts and pages of the not-checked list with filters. Prints one JSON line.
 */
import { parseArgs } from "node:util";
import { benchDatabase } from "./dataset";
import { stats, type DbKind } from "./support";

async function main() {
  const { values } = parseArgs({
    options: {
      db: { type: "string" },
      students: { type: "string", default: "100000" },
      runs: { type: "string", default: "30" },
    },
  });
  const url = await benchDatabase(values.db as DbKind, Number(values.students));
  process.env.DATABASE_URL = url;
  const { db } = await import("../../lib/db");
  const { dashboardCampaign } = await import("../../lib/progress/campaign");
  const { progressBy } = await import("../../lib/progress/counts");
  const { notCheckedPage } = await import("../../lib/progress/not-checked");
  const campaign = await dashboardCampaign(undefined);
  if (!campaign) throw new Error("no campaign");
  const c01 = await db.college.findUniqueOrThrow({ where: { code: "C01" } });
  const someClass = await db.classGroup.findFirstOrThrow({
    where: { collegeId: c01.id, name: { contains: "2301" } },
  });
  const base = {
    kind: "staff" as const,
    staffUserId: "bench",
    username: "bench",
    displayName: "bench",
    sessionId: "bench",
    mustChangePassword: false,
  };
  const registrar = { ...base, roles: ["registrar" as const], collegeIds: [] };
  const college = { ...base, roles: ["college" as const], collegeIds: [c01.id] };
  const inScope = await db.enrollmentRecord.count({ where: { cohort: campaign.cohort, level: "本科" } });
  const cases: [string, () => Promise<unknown>][] = [
    ["counts by college (registrar, all)", () => progressBy(registrar, campaign, "college")],
    ["counts by class (college01)", () => progressBy(college, campaign, "classGroup")],
    ["counts by class (registrar, all)", () => progressBy(registrar, campaign, "classGroup")],
    ["not-checked p1 (college01)", () => notCheckedPage(college, campaign, { page: 1 })],
    [
      "not-checked p1 registered=no viewed=no (college01)",
      () => notCheckedPage(college, campaign, { page: 1, registered: "no", viewed: "no" }),
    ],
    [
      "not-checked p1 class filter (college01)",
      () => notCheckedPage(college, campaign, { page: 1, classGroupId: someClass.id }),
    ],
    ["not-checked search name (college01)", () => notCheckedPage(college, campaign, { page: 1, q: "王" })],
    ["not-checked p20 (registrar, all)", () => notCheckedPage(registrar, campaign, { page: 20 })],
    [
      "not-checked p1 viewed=yes (registrar, all)",
      () => notCheckedPage(registrar, campaign, { page: 1, viewed: "yes" }),
    ],
  ];
  const results: Record<string, ReturnType<typeof stats> & { cpuMedian: number }> = {};
  for (const [label, run] of cases) {
    for (let i = 0; i < 3; i++) await run();
    const samples: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < Number(values.runs); i++) {
      const c = process.cpuUsage();
      const t = performance.now();
      await run();
      samples.push(performance.now() - t);
      const d = process.cpuUsage(c);
      cpu.push((d.user + d.system) / 1000);
    }
    // wall time on a shared machine includes waiting for the CPU; this process's CPU time does not
    // (on SQLite the query runs in-process, on PostgreSQL in the server, so it is not counted there)
    results[label] = { ...stats(samples), cpuMedian: stats(cpu).median };
  }
  console.log(JSON.stringify({ recordsInCampaign: inScope, results }));
  await db.$disconnect();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

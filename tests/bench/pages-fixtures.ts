/**
 * What tests/bench/pages.ts needs in the benchmark database (run in its own process): a correction under
 * the college's first review (filed once for demo student 13800000002, reused later)
 * and one class of college01 for the filtered /college page. Prints one JSON line.
 */
import { parseArgs } from "node:util";
import { benchDatabase } from "./dataset";
import type { DbKind } from "./support";

async function main() {
  const { values } = parseArgs({
    options: { db: { type: "string" }, students: { type: "string", default: "100000" } },
  });
  process.env.DATABASE_URL = await benchDatabase(values.db as DbKind, Number(values.students));
  const { db } = await import("../../lib/db");
  const { sealValue } = await import("../../lib/records/view");
  const account = await db.account.findFirstOrThrow({ where: { phone: "13800000002" } });
  const record = await db.enrollmentRecord.findFirstOrThrow({ where: { accountId: account.id } });
  let correction = await db.correctionRequest.findFirst({
    where: { accountId: account.id, status: "submitted" },
    select: { id: true },
  });
  if (!correction) {
    // Rows as lib/corrections/submit.ts writes them (its notifications need the app's i18n runtime).
    const major = await db.major.findUniqueOrThrow({ where: { id: record.majorId } });
    correction = await db.correctionRequest.create({
      data: {
        recordId: record.id,
        accountId: account.id,
        campaignId: (
          await db.campaign.findFirst({ where: { cohort: record.cohort }, orderBy: { startsAt: "desc" } })
        )?.id,
        collegeId: record.collegeId,
        recordVersionAtSubmit: record.version,
        items: {
          create: [
            {
              field: "major",
              currentValue: sealValue("major", major.name),
              requestedValue: sealValue("major", "软件工程"),
              reason: "录取通知书上的专业是软件工程",
            },
          ],
        },
      },
      select: { id: true },
    });
  }
  const college = await db.college.findUniqueOrThrow({ where: { code: "C01" } });
  const classGroup = await db.classGroup.findFirstOrThrow({
    where: { collegeId: college.id, name: { contains: "2301" } },
    orderBy: { name: "asc" },
  });
  console.log(JSON.stringify({ correctionId: correction.id, classGroupId: classGroup.id }));
  await db.$disconnect();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

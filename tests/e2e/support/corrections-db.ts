/**
 * Test-only helper for tests/e2e/flows.spec.ts, run with tsx against the e2e database (the server's):
 *
 *   add-item <phone> <field> <value>   adds an item asking for <value> to that student's open correction
 *                                      request, as a request filed before 分院 / 专业 / 班级 were chosen from
 *                                      the organisation could (a unit no one has created)
 *   withdrawn <count>                  makes sure at least <count> withdrawn requests exist, on records
 *                                      nobody registered, filed by one closed stand-in account (a withdrawn
 *                                      request is closed: it changes no count, reminder or open queue, only
 *                                      the "all" list), for tests/e2e/lists.spec.ts to sort and page
 *
 * Prints {"ok":true} as its last line.
 */
import { createClient } from "../../../lib/db/client";

const db = createClient();

async function addItem(phone: string, field: string, value: string) {
  const account = await db.account.findFirstOrThrow({ where: { phone }, select: { id: true } });
  const request = await db.correctionRequest.findFirstOrThrow({
    where: { accountId: account.id, status: "submitted" },
    include: { record: { include: { classGroup: true, major: true, college: true } } },
  });
  const current =
    field === "classGroup"
      ? request.record.classGroup.name
      : field === "major"
        ? request.record.major.name
        : request.record.college.name;
  await db.correctionItem.create({
    data: {
      requestId: request.id,
      field,
      currentValue: current,
      requestedValue: value,
      reason: "已分入新班",
    },
  });
}

async function withdrawn(count: number) {
  const have = await db.correctionRequest.count({
    where: { status: "withdrawn", items: { some: { reason: "列表测试" } } },
  });
  if (have >= count) return;
  // one closed stand-in account files them (the e2e university has no other registered students)
  const phone = "13899990000";
  const account =
    (await db.account.findUnique({ where: { phone }, select: { id: true } })) ??
    (await db.account.create({
      data: {
        phone,
        passwordHash: "-",
        name: "列表测试",
        idType: "resident",
        idNumberEnc: "-",
        idNumberIndex: `list-test-${Date.now()}`,
        idMasked: "1101**********0000",
        identityStatus: "cancelled",
        sensitiveConsentAt: new Date(),
      },
      select: { id: true },
    }));
  const records = await db.enrollmentRecord.findMany({
    where: { accountId: null, corrections: { none: {} } },
    orderBy: { studentNumber: "desc" },
    take: count - have,
    select: { id: true, collegeId: true, version: true, name: true },
  });
  for (const [i, r] of records.entries()) {
    await db.correctionRequest.create({
      data: {
        recordId: r.id,
        accountId: account.id,
        collegeId: r.collegeId,
        status: "withdrawn",
        recordVersionAtSubmit: r.version,
        withdrawnAt: new Date(),
        closedAt: new Date(),
        createdAt: new Date(Date.now() - (i + 1) * 60_000),
        items: {
          create: { field: "name", currentValue: r.name, requestedValue: `${r.name}甲`, reason: "列表测试" },
        },
      },
    });
  }
}

async function main() {
  const [command, ...args] = process.argv.slice(2);
  if (command === "add-item") await addItem(args[0], args[1], args[2]);
  else if (command === "withdrawn") await withdrawn(Number(args[0]));
  else throw new Error(`unknown command ${command}`);
  console.log(JSON.stringify({ ok: true }));
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());

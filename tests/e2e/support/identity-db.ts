/**
 * Test-only helper for tests/e2e/identity.spec.ts, run with tsx against the e2e database
 * (DATABASE_URL=file:./data/e2e.db, the server's; same keys from the same environment):
 *
 *   pick <count>                 fresh people of one class: seed records no account holds yet, with their
 *                                plain name, ID number, 学号 and 入学日期 (printed as JSON)
 *   backdate-photos <phone>      moves that account's photo-review uploads one day back (the daily limit
 *                                then counts them as yesterday's, so the "5 in all" limit can be reached)
 *   expire-assists <phone>       makes that requester's open classmate-assist requests 8 days old
 *   exam-number <学号> <考生号>   gives that record a 考生号, as a roster with the optional column would
 *   rename <学号> <name>          gives that record another name (e.g. a minority name with U+00B7)
 *   holder <phone>               a stranger's verified account registered long ago with that phone (a
 *                                recycled number), without sending an SMS code (60-second cooldown)
 *
 * backdate-photos and expire-assists only shift timestamps: what a clock 1 or 7 days later shows.
 */
import { randomInt } from "node:crypto";
import { createClient } from "../../../lib/db/client";
import { checkDigitFor, maskIdNumber, parseIdNumber } from "../../../lib/identity/id-number";
import { parseName } from "../../../lib/identity/name";
import { blindIndex, decrypt, encrypt } from "../../../lib/security/crypto";
import { DEMO_STUDENTS } from "../../../prisma/seed/demo-students";

const db = createClient();
const DAY = 86_400_000;

/** `inOpenCampaign`: only records the open campaign covers (2023 本科), so the student can confirm. */
async function pick(count: number, inOpenCampaign = false, collegeCode?: string) {
  const demoNumbers = DEMO_STUDENTS.map((s) => s.studentNumber);
  const demoClasses = await db.enrollmentRecord.findMany({
    where: { studentNumber: { in: demoNumbers } },
    select: { classGroupId: true },
  });
  const excluded = new Set(demoClasses.map((r) => r.classGroupId));
  const records = await db.enrollmentRecord.findMany({
    where: {
      accountId: null,
      graduationRegistered: false,
      idType: "resident_id",
      ...(inOpenCampaign ? { cohort: "2023", level: "本科" } : {}),
      ...(collegeCode ? { college: { code: collegeCode } } : {}),
    },
    select: {
      studentNumber: true,
      name: true,
      idNumberEnc: true,
      idNumberIndex: true,
      enrolledOn: true,
      classGroupId: true,
      classGroup: { select: { name: true } },
    },
  });
  const held = new Set(
    (
      await db.account.findMany({
        where: { idNumberIndex: { in: records.map((r) => r.idNumberIndex) } },
        select: { idNumberIndex: true },
      })
    ).map((a) => a.idNumberIndex),
  );
  const byClass = new Map<string, typeof records>();
  for (const r of records) {
    if (excluded.has(r.classGroupId) || held.has(r.idNumberIndex)) continue;
    const name = parseName(r.name);
    const id = parseIdNumber("resident_id", decrypt(r.idNumberEnc));
    if (!name.ok || name.value !== r.name || !id.ok) continue;
    byClass.set(r.classGroupId, [...(byClass.get(r.classGroupId) ?? []), r]);
  }
  const classes = [...byClass.values()].filter((list) => list.length >= count);
  if (classes.length === 0) throw new Error(`no class with ${count} fresh records`);
  const chosen = classes[randomInt(0, classes.length)];
  // Random members, so repeated runs against one database do not reuse the same people.
  const people = [...chosen].sort(() => Math.random() - 0.5).slice(0, count);
  return {
    className: chosen[0].classGroup.name,
    people: people.map((r) => ({
      name: r.name,
      idNumber: decrypt(r.idNumberEnc),
      studentNumber: r.studentNumber,
      enrolledOn: r.enrolledOn,
    })),
  };
}

async function accountId(phone: string): Promise<string> {
  const account = await db.account.findFirst({ where: { phone }, select: { id: true } });
  if (!account) throw new Error(`no account with phone ${phone}`);
  return account.id;
}

async function backdatePhotos(phone: string) {
  const id = await accountId(phone);
  const cases = await db.identityCase.findMany({ where: { accountId: id, kind: "photo_review" } });
  for (const c of cases) {
    await db.identityCase.update({
      where: { id: c.id },
      data: { createdAt: new Date(c.createdAt.getTime() - DAY) },
    });
  }
  return { moved: cases.length };
}

async function expireAssists(phone: string) {
  const id = await accountId(phone);
  const { count } = await db.classmateAssist.updateMany({
    where: { requesterAccountId: id, status: "pending" },
    data: { createdAt: new Date(Date.now() - 8 * DAY), expiresAt: new Date(Date.now() - DAY) },
  });
  return { expired: count };
}

/** A verified account of a stranger holding `phone` (random name and ID number, unknown password). */
async function holder(phone: string) {
  const first17 = `110101${1990 + randomInt(0, 10)}0${1 + randomInt(0, 9)}1${randomInt(0, 9)}${String(randomInt(0, 1000)).padStart(3, "0")}`;
  const idNumber = first17 + checkDigitFor(first17);
  const index = blindIndex(idNumber);
  const account = await db.account.create({
    data: {
      phone,
      passwordHash: "not-a-password-hash",
      name: "钱旧主",
      idType: "resident_id",
      idNumberEnc: encrypt(idNumber),
      idNumberIndex: index,
      idMasked: maskIdNumber(idNumber),
      identityStatus: "verified",
      verifiedIdIndex: index,
      sensitiveConsentAt: new Date(Date.now() - 400 * DAY),
      createdAt: new Date(Date.now() - 400 * DAY),
    },
  });
  return { id: account.id };
}

/** The roster's 考生号 for a record (stored as lib/roster-import/exam-number.ts does: a keyed hash). */
async function examNumber(studentNumber: string, value: string) {
  await db.enrollmentRecord.update({
    where: { studentNumber },
    data: { examNumberIndex: blindIndex(`exam:${value}`) },
  });
  return { studentNumber };
}

/** Gives a record another name (as the roster would have it, e.g. a minority name with U+00B7). */
async function rename(studentNumber: string, name: string) {
  await db.enrollmentRecord.update({ where: { studentNumber }, data: { name } });
  return { studentNumber, name };
}

async function main() {
  const [command, arg] = process.argv.slice(2);
  let out: unknown;
  if (command === "pick") out = await pick(Number(arg ?? "3"), process.argv[4] === "open", process.argv[5]);
  else if (command === "backdate-photos") out = await backdatePhotos(arg);
  else if (command === "expire-assists") out = await expireAssists(arg);
  else if (command === "holder") out = await holder(arg);
  else if (command === "exam-number") out = await examNumber(arg, process.argv[4]);
  else if (command === "rename") out = await rename(arg, process.argv[4]);
  else throw new Error(`unknown command ${command}`);
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

main()
  .then(() => db.$disconnect())
  .then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );

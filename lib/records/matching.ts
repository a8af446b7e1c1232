import "server-only";
import type { StudentActor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { db, readRaw } from "@/lib/db";
import { nameKey } from "@/lib/identity/name";
import { refreshProgress } from "@/lib/progress/summary";
import { withOrgNames, type PlainRecord } from "./org-names";
import type { RecordWithOrg } from "./view";

/**
 * SPEC §4.1: a record belongs to an account when its 姓名 and 证件号码 equal the account's verified name and
 * ID number (both normalised). The ID number is compared through the blind index, the name through
 * nameKey (width, middle-dot variants, spaces, case). A record already held by another *verified* account
 * is never taken over; one left on a cancelled or pending account (the student re-registered) moves to
 * the verified one. Returns how many records were linked now.
 */
export async function linkRecordForAccount(accountId: string): Promise<number> {
  const account = await db.account.findUnique({
    where: { id: accountId },
    select: { id: true, name: true, idNumberIndex: true, identityStatus: true },
  });
  if (!account || account.identityStatus !== "verified") return 0;
  const candidates = await db.enrollmentRecord.findMany({
    where: {
      idNumberIndex: account.idNumberIndex,
      OR: [{ accountId: null }, { account: { identityStatus: { not: "verified" } } }],
    },
    select: { id: true, name: true, accountId: true, classGroupId: true },
  });
  const key = nameKey(account.name);
  let linked = 0;
  for (const record of candidates.filter((r) => nameKey(r.name) === key)) {
    // Conditional on the holder seen above, so two concurrent sign-ins cannot both claim one record.
    const { count } = await db.enrollmentRecord.updateMany({
      where: { id: record.id, accountId: record.accountId },
      data: { accountId: account.id },
    });
    linked += count;
    if (count > 0) await refreshProgress([record.classGroupId]);
  }
  return linked;
}

/**
 * The student's own records (usually one; a student who went 专科 → 专升本 has two), newest first. Links
 * matching records on the way, so a roster imported after registration shows up at the next visit.
 */
export async function recordsForAccount(actor: StudentActor): Promise<RecordWithOrg[]> {
  assertCan(actor, "record.viewOwn");
  // A raw statement: /record reads this on every view, and Prisma compiles a query of the model's thirty
  // columns anew each time (~5× the statement's own cost); both databases hand back the model's types.
  const find = async () =>
    withOrgNames(
      await readRaw<PlainRecord[]>`
        SELECT * FROM "EnrollmentRecord" WHERE "accountId" = ${actor.accountId}
        ORDER BY "enrolledOn" DESC, "createdAt" DESC`,
    );
  const records = await find();
  if (records.length > 0) return records;
  return (await linkRecordForAccount(actor.accountId)) > 0 ? find() : [];
}

/** One of the student's records: the one asked for, else the newest. Someone else's id → null. */
export async function recordForAccount(
  actor: StudentActor,
  recordId?: string,
): Promise<RecordWithOrg | null> {
  const records = await recordsForAccount(actor);
  if (recordId) return records.find((r) => r.id === recordId) ?? null;
  return records[0] ?? null;
}

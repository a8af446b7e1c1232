/**
 * The students of the cohort benchmark (run in its own process with DATABASE_URL set, after the seed):
 * verified accounts with a known password (phones 151xxxxxxxx) linked to records of the open campaign that
 * nobody has claimed yet, i.e. students who registered earlier and check their record on the last evening.
 * Rows as the seed's activity (prisma/seed/activity.ts) writes them: one argon2 hash shared by all.
 * Prints one JSON line: { campaignId, students: [{ phone, recordId }] }.
 *   npx tsx --conditions=react-server tests/bench/cluster/cohort-accounts.ts --count 800
 */
import { parseArgs } from "node:util";
import { createClient } from "../../../lib/db/client";
import { campaignCoversRecord } from "../../../lib/records/campaign-scope";
import { hashPassword } from "../../../lib/security/passwords";
import { newId } from "../../../prisma/seed/ids";
import { COHORT_PASSWORD } from "./constants";

const BATCH = 50;

async function main() {
  const { values } = parseArgs({ options: { count: { type: "string", default: "800" } } });
  const db = createClient();
  const now = new Date();
  const campaign = await db.campaign.findFirstOrThrow({
    where: { startsAt: { lte: now }, endsAt: { gt: now } },
    orderBy: { startsAt: "desc" },
  });
  const held = new Set(
    (await db.account.findMany({ select: { idNumberIndex: true } })).map((a) => a.idNumberIndex),
  );
  const records = (
    await db.enrollmentRecord.findMany({
      where: { cohort: campaign.cohort, accountId: null, graduationRegistered: false },
      select: {
        id: true,
        name: true,
        cohort: true,
        level: true,
        idType: true,
        idNumberEnc: true,
        idNumberIndex: true,
        idMasked: true,
      },
      orderBy: { studentNumber: "desc" },
    })
  )
    .filter((r) => campaignCoversRecord(campaign, r) && !held.has(r.idNumberIndex))
    .slice(0, Number(values.count));
  const passwordHash = await hashPassword(COHORT_PASSWORD);
  const registeredAt = new Date(campaign.startsAt.getTime() + 3_600_000);
  const students: { phone: string; recordId: string }[] = [];
  for (let i = 0; i < records.length; i += BATCH) {
    const batch = records.slice(i, i + BATCH).map((record, j) => ({
      record,
      accountId: newId(),
      phone: `151${String(i + j).padStart(8, "0")}`,
    }));
    await db.$transaction([
      db.account.createMany({
        data: batch.map(({ record, accountId, phone }) => ({
          id: accountId,
          phone,
          passwordHash,
          name: record.name,
          idType: record.idType,
          idNumberEnc: record.idNumberEnc,
          idNumberIndex: record.idNumberIndex,
          idMasked: record.idMasked,
          identityStatus: "verified",
          verifiedIdIndex: record.idNumberIndex,
          sensitiveConsentAt: registeredAt,
          createdAt: registeredAt,
        })),
      }),
      ...batch.map(({ record, accountId }) =>
        db.enrollmentRecord.update({ where: { id: record.id }, data: { accountId } }),
      ),
    ]);
    students.push(...batch.map(({ phone, record }) => ({ phone, recordId: record.id })));
  }
  await db.$disconnect();
  console.log(JSON.stringify({ campaignId: campaign.id, students }));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

import { randomBytes } from "node:crypto";
import type { Db } from "../../lib/db/client";
import { campaignCoversRecord } from "../../lib/records/campaign-scope";
import { hashPassword } from "../../lib/security/passwords";
import { newId } from "./ids";

/** Shares of the open campaign's students in the "mid-week" demo state. */
const REGISTERED = 0.6;
const VIEWED = 0.45;
const CONFIRMED = 0.3;
/** Prisma binds ≤ 999 parameters on SQLite: accounts have 16 columns. */
const BATCH = 50;

/** A stable number in [0, 1) per student number, so the same seed gives the same activity. */
function share(key: string): number {
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619) >>> 0;
  return (h % 10_000) / 10_000;
}

export type ActivitySummary = { registered: number; viewed: number; confirmed: number };

/**
 * "Mid-week" activity for the quick-start demo (`--activity`, passed by `npm start`; the e2e server and the
 * benchmarks start from a university nobody has used yet): in the open campaign about 60 % of the covered
 * students have registered, 45 % have opened their record and 30 % confirmed it, spread over the days since
 * the campaign opened, so the college and registrar dashboards have something to show. The accounts are
 * real rows (own phone 150xxxxxxxx, the record's name and encrypted ID number) whose password is a random
 * secret that is thrown away: nobody can sign in as them. Records that already have an account (the demo
 * students) and ID numbers some account already holds are left alone.
 */
export async function addDemoActivity(db: Db, now = new Date()): Promise<ActivitySummary> {
  const campaign = await db.campaign.findFirst({
    where: { startsAt: { lte: now }, endsAt: { gt: now } },
    orderBy: { startsAt: "desc" },
  });
  if (!campaign) return { registered: 0, viewed: 0, confirmed: 0 };
  const [records, heldIds] = await Promise.all([
    db.enrollmentRecord.findMany({
      where: { cohort: campaign.cohort, accountId: null },
      select: {
        id: true,
        studentNumber: true,
        name: true,
        cohort: true,
        level: true,
        version: true,
        idType: true,
        idNumberEnc: true,
        idNumberIndex: true,
        idMasked: true,
      },
      orderBy: { studentNumber: "asc" },
    }),
    db.account.findMany({ select: { idNumberIndex: true } }),
  ]);
  const held = new Set(heldIds.map((a) => a.idNumberIndex));
  const chosen = records.filter(
    (r) =>
      campaignCoversRecord(campaign, r) && !held.has(r.idNumberIndex) && share(r.studentNumber) < REGISTERED,
  );
  const passwordHash = await hashPassword(randomBytes(32).toString("base64url"));
  const days = Math.max(1, Math.ceil((now.getTime() - campaign.startsAt.getTime()) / 86_400_000));
  // Spread over the campaign so far: earlier days get their share, the latest no later than now.
  const viewedAt = (s: number) =>
    new Date(
      Math.min(
        now.getTime() - 60_000,
        campaign.startsAt.getTime() + Math.floor((s / VIEWED) * days) * 86_400_000 + 9 * 3_600_000,
      ),
    );
  // An account exists before its owner looks at the record: registered half an hour before the first view
  // (students who only registered, on a day of their own).
  const registeredAt = (studentNumber: string) => {
    const s = share(studentNumber);
    const base = s < VIEWED ? viewedAt(s) : viewedAt(((s - VIEWED) / (REGISTERED - VIEWED)) * VIEWED);
    return new Date(Math.max(campaign.startsAt.getTime(), base.getTime() - 30 * 60_000));
  };
  let viewed = 0;
  let confirmed = 0;
  for (let i = 0; i < chosen.length; i += BATCH) {
    const batch = chosen.slice(i, i + BATCH).map((record, j) => ({
      record,
      accountId: newId(),
      n: i + j,
      registeredAt: registeredAt(record.studentNumber),
    }));
    const checks = batch
      .filter(({ record }) => share(record.studentNumber) < VIEWED)
      .map(({ record, accountId }) => {
        const s = share(record.studentNumber);
        // Spread over the campaign so far: earlier days get their share, the latest no later than now.
        const at = viewedAt(s);
        const isConfirmed = s < CONFIRMED;
        return {
          id: newId(),
          campaignId: campaign.id,
          recordId: record.id,
          accountId,
          firstViewedAt: at,
          lastViewedAt: at,
          confirmedAt: isConfirmed ? at : null,
          confirmedVersion: isConfirmed ? record.version : null,
        };
      });
    await db.$transaction([
      db.account.createMany({
        data: batch.map(({ record, accountId, n, registeredAt }) => ({
          id: accountId,
          phone: `150${String(n).padStart(8, "0")}`,
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
      db.selfCheck.createMany({ data: checks }),
    ]);
    viewed += checks.length;
    confirmed += checks.filter((c) => c.confirmedAt).length;
  }
  return { registered: chosen.length, viewed, confirmed };
}

/**
 * After a cohort run: every acknowledged write must be in the database, whole.
 * - each confirmation a student saw acknowledged (已完成自查) is a SelfCheck of the campaign with
 *   confirmedAt and confirmedVersion set;
 * - each correction request a student was sent to (303 → /record/requests/<id>) exists with its item and
 *   its evidence file (row and stored file);
 * - no half-written request anywhere: no request of the campaign without items.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { Client } from "pg";
import type { CohortResult } from "./cohort-load";

export type Verification = {
  confirmedAcknowledged: number;
  confirmedLost: number;
  reportedAcknowledged: number;
  reportedLost: number;
  halfWritten: number;
  confirmedInDatabase: number;
};

export async function verify(
  url: string,
  campaignId: string,
  uploadsDir: string,
  result: CohortResult,
): Promise<Verification> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const confirmed = new Set(
      (
        await client.query<{ recordId: string }>(
          `SELECT "recordId" FROM "SelfCheck" WHERE "campaignId" = $1 AND "confirmedAt" IS NOT NULL AND "confirmedVersion" IS NOT NULL`,
          [campaignId],
        )
      ).rows.map((r) => r.recordId),
    );
    const acknowledgedRecords = new Set(result.confirmed.map((c) => c.recordId));
    const confirmedLost = [...acknowledgedRecords].filter((id) => !confirmed.has(id)).length;

    const requestIds = [...new Set(result.reported.map((r) => r.requestId))];
    const requests = await client.query<{ id: string; items: number; keys: string[] | null }>(
      `SELECT r.id,
              (SELECT COUNT(*)::int FROM "CorrectionItem" i WHERE i."requestId" = r.id) AS items,
              (SELECT array_agg(e."storageKey") FROM "EvidenceFile" e WHERE e."requestId" = r.id) AS keys
         FROM "CorrectionRequest" r WHERE r.id = ANY($1)`,
      [requestIds],
    );
    const whole = requests.rows.filter(
      (r) =>
        r.items > 0 &&
        (r.keys?.length ?? 0) > 0 &&
        (r.keys ?? []).every((k) => existsSync(path.join(uploadsDir, k))),
    );
    const halfWritten = (
      await client.query<{ n: number }>(
        `SELECT COUNT(*)::int AS n FROM "CorrectionRequest" r
          WHERE NOT EXISTS (SELECT 1 FROM "CorrectionItem" i WHERE i."requestId" = r.id)`,
      )
    ).rows[0].n;
    return {
      confirmedAcknowledged: acknowledgedRecords.size,
      confirmedLost,
      reportedAcknowledged: requestIds.length,
      reportedLost: requestIds.length - whole.length,
      halfWritten,
      confirmedInDatabase: confirmed.size,
    };
  } finally {
    await client.end();
  }
}

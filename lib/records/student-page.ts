import "server-only";
import type { StudentActor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { db, readRaw } from "@/lib/db";
import { OPEN_STATUSES } from "@/lib/corrections/status";
import { registrarContact, type RegistrarContact } from "@/lib/settings";
import { consistencyHints, type ConsistencyHint } from "./consistency";
import type { RecordValues } from "./fields";
import { recordHistory, type HistoryEntry } from "./history";
import { recordsForAccount } from "./matching";
import { markViewed, openCampaignForRecord, type OpenCampaign } from "./self-check";
import { recordValues } from "./view";

export type RequestSummary = {
  id: string;
  status: string;
  route: string;
  createdAt: Date;
  fields: string[];
};

export type RecordPage =
  | {
      kind: "unmatched";
      account: { name: string; idMasked: string };
      contact: RegistrarContact;
      bindings: {
        id: string;
        status: string;
        studentNumber: string;
        createdAt: Date;
        reason: string | null;
      }[];
    }
  | {
      kind: "record";
      records: { id: string; label: string }[];
      record: {
        id: string;
        collegeId: string;
        version: number;
        values: RecordValues;
        hasPhoto: boolean;
        graduationRegistered: boolean;
      };
      hints: ConsistencyHint[];
      campaign: OpenCampaign | null;
      check: { firstViewedAt: Date; confirmedAt: Date | null; confirmedVersion: number | null } | null;
      /** confirmed, then the record changed: ask again */
      changedSinceConfirm: boolean;
      openRequest: RequestSummary | null;
      requests: RequestSummary[];
      history: HistoryEntry[];
      contact: RegistrarContact;
    };

/**
 * The student's last 20 requests on the record, newest first, with the fields each one names in the order
 * they were filed (as the review pages list them): one raw statement (Prisma's nested select compiles and sends two on every view of /record).
 */
async function ownRequests(recordId: string, accountId: string): Promise<RequestSummary[]> {
  const rows = await readRaw<(Omit<RequestSummary, "fields"> & { field: string | null })[]>`
    SELECT r."id", r."status", r."route", r."createdAt", i."field"
    FROM (
      SELECT "id", "status", "route", "createdAt" FROM "CorrectionRequest"
      WHERE "recordId" = ${recordId} AND "accountId" = ${accountId}
      ORDER BY "createdAt" DESC LIMIT 20
    ) r
    LEFT JOIN "CorrectionItem" i ON i."requestId" = r."id"
    ORDER BY r."createdAt" DESC, r."id", i."id"`;
  // rows come newest request first; a Map keeps that order
  const byId = new Map<string, RequestSummary>();
  for (const { field, ...request } of rows) {
    const summary = byId.get(request.id) ?? { ...request, fields: [] };
    byId.set(request.id, summary);
    if (field !== null) summary.fields.push(field);
  }
  return [...byId.values()];
}

/**
 * Everything /record shows, for the signed-in student only, and the 已查看 mark when a campaign is open.
 */
export async function loadRecordPage(actor: StudentActor, recordId?: string): Promise<RecordPage | null> {
  assertCan(actor, "record.viewOwn");
  const records = await recordsForAccount(actor);
  const contact = await registrarContact();
  if (records.length === 0) {
    const account = await db.account.findUniqueOrThrow({
      where: { id: actor.accountId },
      select: { name: true, idMasked: true },
    });
    const bindings = await db.recordBindingRequest.findMany({
      where: { accountId: actor.accountId },
      orderBy: { createdAt: "desc" },
      take: 10,
      select: {
        id: true,
        status: true,
        createdAt: true,
        reason: true,
        record: { select: { studentNumber: true } },
      },
    });
    return {
      kind: "unmatched",
      account,
      contact,
      bindings: bindings.map((b) => ({
        id: b.id,
        status: b.status,
        createdAt: b.createdAt,
        reason: b.reason,
        studentNumber: b.record.studentNumber,
      })),
    };
  }
  const record = recordId ? records.find((r) => r.id === recordId) : records[0];
  if (!record) return null;

  const now = new Date();
  const campaign = await openCampaignForRecord(record, now);
  // independent reads: on PostgreSQL they travel side by side
  const [check, requests, history] = await Promise.all([
    markViewed(actor, record, now, campaign),
    ownRequests(record.id, actor.accountId),
    recordHistory(record.id),
  ]);
  const values = recordValues(record);
  return {
    kind: "record",
    records: records.map((r) => ({ id: r.id, label: `${r.level} · ${r.major.name} · ${r.studentNumber}` })),
    record: {
      id: record.id,
      collegeId: record.collegeId,
      version: record.version,
      values,
      hasPhoto: Boolean(record.admissionPhotoKey),
      graduationRegistered: record.graduationRegistered,
    },
    hints: consistencyHints({ ...values, idType: record.idType }),
    campaign,
    check,
    changedSinceConfirm:
      !!check?.confirmedAt && check.confirmedVersion !== null && check.confirmedVersion < record.version,
    openRequest: requests.find((r) => (OPEN_STATUSES as readonly string[]).includes(r.status)) ?? null,
    requests,
    history,
    contact,
  };
}

import "server-only";
import type { StudentActor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { fail, fieldFail, ok, type FieldErrors, type Result } from "@/lib/core/result";
import { db } from "@/lib/db";
import { codePointLength } from "@/lib/identity/normalize";
import {
  hasHighRiskField,
  isCorrectableField,
  PHOTO_FIELD,
  PHOTO_VALUE,
  type CorrectionField,
} from "@/lib/records/fields";
import { recordForAccount } from "@/lib/records/matching";
import { markReported, openCampaignForRecord } from "@/lib/records/self-check";
import { recordValues, sealValue } from "@/lib/records/view";
import { audit } from "@/lib/security/audit";
import { discardEvidence, prepareEvidence, storeEvidence, type UploadedFile } from "./evidence";
import { noticeByMessage, noticeInInbox, type StudentNotice } from "@/lib/messaging/student-notice";
import { Refused } from "@/lib/core/refused";
import { isPlacementField, unknownPlacements } from "./placement";
import { OPEN_STATUSES } from "./status";
import { parseRequestedValue, sameValue } from "./values";
import { refreshProgress } from "@/lib/progress/summary";

export type SubmitInput = {
  recordId: string;
  /** the record version the form showed */
  recordVersion: number;
  items: { field: string; value: string; reason: string }[];
  files: readonly UploadedFile[];
};

const MAX_REASON = 500;
const UNKNOWN_UNIT = {
  college: "corrections.errors.value.unknownCollege",
  major: "corrections.errors.value.unknownMajor",
  classGroup: "corrections.errors.value.unknownClassGroup",
} as const;

/**
 * 信息有误 (SPEC §4.3): validates every field, value, reason and file first (nothing is stored on bad
 * input), then stores the evidence privately and creates the request, its items and evidence rows in one
 * transaction. The transaction begins by re-checking the record version with a write on the record row,
 * which serialises two submissions for one record (two tabs): the second sees the first's open request.
 */
export async function submitCorrection(
  actor: StudentActor,
  input: SubmitInput,
  now: Date = new Date(),
): Promise<Result<{ requestId: string; route: string }>> {
  assertCan(actor, "correction.submit");
  const record = await recordForAccount(actor, input.recordId);
  if (!record) return fail("record.errors.notFound");
  if (record.version !== input.recordVersion) return fail("record.selfCheck.errors.versionChanged");

  const current = recordValues(record);
  const errors: FieldErrors = {};
  const items: { field: CorrectionField; currentValue: string; requestedValue: string; reason: string }[] =
    [];
  const seen = new Set<string>();
  for (const item of input.items) {
    if (item.field === PHOTO_FIELD && !seen.has(item.field)) {
      // no value to type: the reason, and a photo among the evidence (checked below)
      seen.add(item.field);
      const reason = item.reason.trim();
      if (reason === "") errors[`reason.${item.field}`] = { key: "corrections.errors.reasonRequired" };
      else if (codePointLength(reason) > MAX_REASON)
        errors[`reason.${item.field}`] = {
          key: "corrections.errors.reasonTooLong",
          params: { max: MAX_REASON },
        };
      else
        items.push({
          field: PHOTO_FIELD,
          currentValue: PHOTO_VALUE.current,
          requestedValue: PHOTO_VALUE.requested,
          reason,
        });
      continue;
    }
    if (!isCorrectableField(item.field) || seen.has(item.field)) {
      errors.fields = { key: "corrections.errors.fieldNotAllowed" };
      continue;
    }
    seen.add(item.field);
    const parsed = parseRequestedValue(item.field, item.value, { idType: record.idType, today: now });
    if (!parsed.ok) errors[`value.${item.field}`] = { key: parsed.key };
    else if (sameValue(item.field, parsed.value, current[item.field]))
      errors[`value.${item.field}`] = { key: "corrections.errors.value.unchanged" };
    const reason = item.reason.trim();
    if (reason === "") errors[`reason.${item.field}`] = { key: "corrections.errors.reasonRequired" };
    else if (codePointLength(reason) > MAX_REASON)
      errors[`reason.${item.field}`] = {
        key: "corrections.errors.reasonTooLong",
        params: { max: MAX_REASON },
      };
    if (parsed.ok && reason !== "" && codePointLength(reason) <= MAX_REASON) {
      items.push({
        field: item.field,
        currentValue: current[item.field],
        requestedValue: parsed.value,
        reason,
      });
    }
  }
  if (input.items.length === 0) errors.fields = { key: "corrections.errors.noFields" };

  // 分院 / 专业 / 班级 are chosen from the organisation: a name no unit has is refused at its field
  const placement = Object.fromEntries(
    items.filter((i) => isPlacementField(i.field)).map((i) => [i.field, i.requestedValue]),
  );
  const unknown = await unknownPlacements(record.collegeId, placement);
  for (const field of unknown) errors[`value.${field}`] = { key: UNKNOWN_UNIT[field] };
  // moving to another college keeps the major and class unless they are chosen too: both must exist there
  if (placement.college !== undefined && !unknown.has("college")) {
    const carried = await unknownPlacements(record.collegeId, {
      college: placement.college,
      major: placement.major ?? record.major.name,
      classGroup: placement.classGroup ?? record.classGroup.name,
    });
    if (
      (placement.major === undefined && carried.has("major")) ||
      (placement.classGroup === undefined && carried.has("classGroup"))
    )
      errors["value.college"] = { key: "corrections.errors.value.moveWithUnits" };
  }

  const evidence = await prepareEvidence(input.files);
  if (!evidence.ok) Object.assign(errors, evidence.fieldErrors);
  else if (seen.has(PHOTO_FIELD) && !evidence.value.some((f) => f.mime.startsWith("image/")))
    errors.evidence = { key: "corrections.errors.evidence.photoRequired" };
  else if (evidence.value.length === 0 && hasHighRiskField([...seen]))
    errors.evidence = { key: "corrections.errors.evidence.requiredHighRisk" };
  if (Object.keys(errors).length > 0 || !evidence.ok) {
    return fieldFail(errors, { key: "corrections.errors.fixFields" });
  }

  const open = await db.correctionRequest.count({
    where: { recordId: record.id, status: { in: [...OPEN_STATUSES] } },
  });
  if (open > 0) return fail("corrections.errors.alreadyOpen");

  const route = record.graduationRegistered ? "provincial" : "school";
  const campaign = await openCampaignForRecord(record, now, { fresh: true });
  const keys = await storeEvidence(evidence.value);
  let requestId: string;
  try {
    requestId = await db.$transaction(async (tx) => {
      // Write-lock the record row and prove the version is still the one shown.
      const locked = await tx.enrollmentRecord.updateMany({
        where: { id: record.id, version: input.recordVersion },
        data: { version: input.recordVersion },
      });
      if (locked.count !== 1) throw new Refused("conflict", "record.selfCheck.errors.versionChanged");
      const already = await tx.correctionRequest.count({
        where: { recordId: record.id, status: { in: [...OPEN_STATUSES] } },
      });
      if (already > 0) throw new Refused("conflict", "corrections.errors.alreadyOpen");
      const request = await tx.correctionRequest.create({
        data: {
          recordId: record.id,
          accountId: actor.accountId,
          campaignId: campaign?.id ?? null,
          route,
          status: "submitted",
          collegeId: record.collegeId,
          recordVersionAtSubmit: record.version,
          createdAt: now,
          items: {
            create: items.map((i) => ({
              field: i.field,
              currentValue: sealValue(i.field, i.currentValue),
              requestedValue: sealValue(i.field, i.requestedValue),
              reason: i.reason,
            })),
          },
          evidence: {
            create: evidence.value.map((file, index) => ({
              accountId: actor.accountId,
              storageKey: keys[index],
              mime: file.mime,
              size: file.bytes.length,
              displayName: file.displayName,
            })),
          },
        },
        select: { id: true },
      });
      await audit(tx, actor, {
        action: "correction.submit",
        targetType: "CorrectionRequest",
        targetId: request.id,
        after: { recordId: record.id, route, fields: items.map((i) => i.field), files: keys.length },
      });
      await noticeInInbox(tx, submittedNotice(actor.accountId, request.id, items.length, route));
      // a request in the campaign counts as 信息有误 on the dashboards
      if (campaign) await refreshProgress([record.classGroupId], { campaignIds: [campaign.id], tx });
      return request.id;
    });
  } catch (error) {
    await discardEvidence(keys);
    if (error instanceof Refused) return error.result;
    throw error;
  }
  await markReported(actor.accountId, record, now, campaign);
  await noticeByMessage(submittedNotice(actor.accountId, requestId, items.length, route));
  return ok({ requestId, route });
}

function submittedNotice(accountId: string, requestId: string, count: number, route: string): StudentNotice {
  return {
    accountId,
    kind: route === "provincial" ? "correction.submittedProvincial" : "correction.submitted",
    params: { count },
    linkPath: `/record/requests/${requestId}`,
  };
}

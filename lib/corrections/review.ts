import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan, can, recordRelationScopeWhere } from "@/lib/auth/policy";
import { fail, fieldFail, ok, refuse, type FieldErrors, type Message, type Result } from "@/lib/core/result";
import type { Tx } from "@/lib/db/client";
import { db } from "@/lib/db";
import { codePointLength } from "@/lib/identity/normalize";
import { hasHighRiskField, PHOTO_FIELD } from "@/lib/records/fields";
import { deleteUpload, readUpload, reencodeImage, saveUpload } from "@/lib/uploads/storage";
import { audit } from "@/lib/security/audit";
import { applyItems } from "./apply";
import { evidenceRetentionDays } from "./evidence";
import { isPlacementField, type PlacementField } from "./placement";
import { noticeByMessage, noticeInInbox, type StudentNotice } from "@/lib/messaging/student-notice";
import { Refused } from "@/lib/core/refused";
import type { CorrectionStatus } from "./status";

export type ItemDecisionInput = { itemId: string; decision: "accepted" | "rejected"; reason?: string };
export type DecisionInput = {
  requestId: string;
  /**
   * Registrar only, when an admission-photo item is accepted: the new 录取照片 — one of the request's image
   * evidence files, or a file the registrar uploads (from the admissions office).
   */
  photo?: { evidenceId?: string | null; upload?: Buffer | null };
  /** the lockVersion the reviewer's page showed: a request changed since then is refused */
  lockVersion?: number;
  decisions: readonly ItemDecisionInput[];
  /** overall note; stands in as the reason of rejected items that have none */
  note?: string;
  /** 文号 of the provincial department's decision: required when the registrar records one */
  provincialRef?: string;
  /**
   * Registrar only: accepted 分院 / 专业 / 班级 items whose unit does not exist yet and is to be created
   * with the approval (needs the organisation permission, roster.import).
   */
  createUnits?: readonly string[];
};
export type DecisionOutcome = { status: CorrectionStatus; accepted: number; rejected: number };

const MAX_REASON = 500;

type LoadedRequest = NonNullable<Awaited<ReturnType<typeof findScoped>>>;
type LoadedItem = LoadedRequest["items"][number];

/** The request if the actor's college scope covers it; otherwise null (→ "not found"). */
function findScoped(actor: Actor, requestId: string) {
  return db.correctionRequest.findFirst({
    where: { id: requestId, ...recordRelationScopeWhere(actor) },
    include: { items: { orderBy: { id: "asc" } } },
  });
}

/**
 * Every item under review gets exactly one decision; a rejection needs a reason (its own or the overall
 * note). Errors are keyed reason.<itemId> / decision.<itemId> for the form.
 */
function checkDecisions(
  items: readonly LoadedItem[],
  input: DecisionInput,
): Result<Map<string, { decision: "accepted" | "rejected"; reason: string | null }>> {
  const byId = new Map(input.decisions.map((d) => [d.itemId, d]));
  const note = input.note?.trim() ?? "";
  const errors: FieldErrors = {};
  const out = new Map<string, { decision: "accepted" | "rejected"; reason: string | null }>();
  if (codePointLength(note) > MAX_REASON)
    errors.note = { key: "corrections.errors.reasonTooLong", params: { max: MAX_REASON } };
  for (const item of items) {
    const d = byId.get(item.id);
    if (!d || (d.decision !== "accepted" && d.decision !== "rejected")) {
      errors[`decision.${item.id}`] = { key: "corrections.errors.decisionRequired" };
      continue;
    }
    const reason = d.reason?.trim() || (d.decision === "rejected" ? note : "");
    if (d.decision === "rejected" && reason === "")
      errors[`reason.${item.id}`] = { key: "corrections.errors.rejectReasonRequired" };
    else if (codePointLength(reason) > MAX_REASON)
      errors[`reason.${item.id}`] = { key: "corrections.errors.reasonTooLong", params: { max: MAX_REASON } };
    out.set(item.id, { decision: d.decision, reason: reason || null });
  }
  if (Object.keys(errors).length > 0) return fieldFail(errors, { key: "corrections.errors.fixFields" });
  return ok(out);
}

/**
 * Takes the request for this decision: an update conditional on the status and lockVersion read before.
 * Of two reviewers deciding at once exactly one update matches; the other gets "already decided".
 */
async function claim(
  tx: Tx,
  request: LoadedRequest,
  data: Parameters<Tx["correctionRequest"]["updateMany"]>[0]["data"],
): Promise<void> {
  const { count } = await tx.correctionRequest.updateMany({
    where: { id: request.id, status: request.status, lockVersion: request.lockVersion },
    data: { ...data, lockVersion: request.lockVersion + 1 },
  });
  if (count !== 1) throw new Refused("conflict", "corrections.errors.alreadyDecided");
}

/** Evidence of a closed request is kept for the retention period, then deleted by the retention job. */
async function scheduleEvidenceDeletion(tx: Tx, requestId: string, now: Date, days: number): Promise<void> {
  await tx.evidenceFile.updateMany({
    where: { requestId, deleteAfter: null },
    data: { deleteAfter: new Date(now.getTime() + days * 86_400_000) },
  });
}

function stale(request: LoadedRequest, input: DecisionInput): boolean {
  return input.lockVersion !== undefined && input.lockVersion !== request.lockVersion;
}

async function run(work: (tx: Tx) => Promise<StudentNotice>): Promise<Result<StudentNotice>> {
  try {
    const notice = await db.$transaction(work, { timeout: 20_000, maxWait: 10_000 });
    return ok(notice);
  } catch (error) {
    if (error instanceof Refused) return error.result;
    throw error;
  }
}

/**
 * 学院初审 (SPEC §4.4): confirm the error or reject it, item by item. Any accepted item sends the request
 * on (college_confirmed, or provincial_pending for locked records); none accepted closes it
 * (college_rejected). Another college's request is "not found"; a decided one is refused.
 */
export async function collegeDecide(
  actor: Actor,
  input: DecisionInput,
  now: Date = new Date(),
  options: { bulk?: boolean } = {},
): Promise<Result<DecisionOutcome>> {
  assertCan(actor, "correction.collegeReview");
  const request = await findScoped(actor, input.requestId);
  if (!request) return refuse("notFound", "corrections.errors.notFound");
  if (request.status !== "submitted" || stale(request, input))
    return refuse("conflict", "corrections.errors.alreadyDecided");
  const checked = checkDecisions(request.items, input);
  if (!checked.ok) return checked;
  const decisions = checked.value;
  const accepted = [...decisions.values()].filter((d) => d.decision === "accepted").length;
  const rejected = decisions.size - accepted;
  const status: CorrectionStatus =
    accepted === 0
      ? "college_rejected"
      : request.route === "provincial"
        ? "provincial_pending"
        : "college_confirmed";
  const note = input.note?.trim() || null;
  const retentionDays = await evidenceRetentionDays();

  const result = await run(async (tx) => {
    await claim(tx, request, {
      status,
      collegeDecidedById: actor.kind === "staff" ? actor.staffUserId : null,
      collegeDecidedAt: now,
      collegeNote: note,
      closedAt: status === "college_rejected" ? now : null,
    });
    for (const [itemId, d] of decisions) {
      await tx.correctionItem.update({
        where: { id: itemId },
        data: { collegeDecision: d.decision, collegeReason: d.reason },
      });
    }
    if (status === "college_rejected") await scheduleEvidenceDeletion(tx, request.id, now, retentionDays);
    await audit(tx, actor, {
      action: "correction.collegeReview",
      targetType: "CorrectionRequest",
      targetId: request.id,
      before: { status: request.status },
      after: { status, accepted, rejected, note, bulk: options.bulk ?? false },
    });
    const notice: StudentNotice = {
      accountId: request.accountId,
      kind:
        status === "college_rejected"
          ? "correction.collegeRejected"
          : status === "provincial_pending"
            ? "correction.collegeConfirmedProvincial"
            : "correction.collegeConfirmed",
      params: { accepted, rejected, reason: note ?? firstReason(decisions) ?? "" },
      linkPath: `/record/requests/${request.id}`,
    };
    await noticeInInbox(tx, notice);
    return notice;
  });
  if (!result.ok) return result;
  await noticeByMessage(result.value);
  return ok({ status, accepted, rejected });
}

const MAX_PROVINCIAL_REF = 60;

/** A provincial decision is recorded with its 文号 (e.g. 鄂教学〔2026〕12号): present, one line, not too long. */
function provincialRefError(value: string | undefined): { key: string; params?: { max: number } } | null {
  const ref = (value ?? "").trim();
  if (!ref) return { key: "corrections.errors.provincialRefRequired" };
  if (codePointLength(ref) > MAX_PROVINCIAL_REF || /[\r\n]/.test(ref))
    return { key: "corrections.errors.provincialRefInvalid", params: { max: MAX_PROVINCIAL_REF } };
  return null;
}

/**
 * 学籍管理科终审 (SPEC §4.4) of the items the college accepted; for the provincial route the same form
 * records the province's decision by hand. Accepted items are applied to the record in the same
 * transaction (version + 1, history, audit); a conflict rolls the whole decision back.
 */
export async function registrarDecide(
  actor: Actor,
  input: DecisionInput,
  now: Date = new Date(),
  options: { bulk?: boolean } = {},
): Promise<Result<DecisionOutcome>> {
  assertCan(actor, "correction.registrarReview");
  const request = await findScoped(actor, input.requestId);
  if (!request) return refuse("notFound", "corrections.errors.notFound");
  const provincial = request.status === "provincial_pending";
  if (request.status === "submitted") return refuse("conflict", "corrections.errors.awaitingCollege");
  if ((request.status !== "college_confirmed" && !provincial) || stale(request, input)) {
    return refuse("conflict", "corrections.errors.alreadyDecided");
  }
  const underReview = request.items.filter((i) => i.collegeDecision === "accepted");
  const checked = checkDecisions(underReview, input);
  const refError = provincial ? provincialRefError(input.provincialRef) : null;
  if (!checked.ok && !refError) return checked;
  if (refError) {
    const fieldErrors = {
      ...(checked.ok ? {} : checked.fieldErrors),
      ...(refError ? { provincialRef: refError } : {}),
    };
    return fieldFail(fieldErrors, { key: "corrections.errors.fixFields" });
  }
  if (!checked.ok) return checked;
  const provincialRef = provincial ? (input.provincialRef ?? "").trim() : null;
  const decisions = checked.value;
  const acceptedItems = underReview.filter((i) => decisions.get(i.id)?.decision === "accepted");
  const accepted = acceptedItems.length;
  const rejected = decisions.size - accepted;
  const status: CorrectionStatus = provincial
    ? accepted > 0
      ? "provincial_approved"
      : "provincial_rejected"
    : accepted > 0
      ? "approved"
      : "rejected";
  const note = input.note?.trim() || null;
  const retentionDays = await evidenceRetentionDays();
  const create = new Set<PlacementField>();
  for (const item of acceptedItems)
    if (input.createUnits?.includes(item.id) && isPlacementField(item.field)) create.add(item.field);
  if (create.size > 0 && !can(actor, "roster.import"))
    return fail("corrections.errors.placement.createForbidden");
  const photoItem = acceptedItems.find((i) => i.field === PHOTO_FIELD);
  const photo = photoItem ? await newAdmissionPhoto(request.id, photoItem.id, input.photo) : null;
  if (photo && !photo.ok) return photo;
  const photoKey = photo?.ok ? photo.value : undefined;

  const result = await run(async (tx) => {
    await claim(tx, request, {
      status,
      registrarDecidedById: actor.kind === "staff" ? actor.staffUserId : null,
      registrarDecidedAt: now,
      registrarNote: note,
      provincialRef,
      appliedAt: accepted > 0 ? now : null,
      closedAt: now,
    });
    for (const [itemId, d] of decisions) {
      await tx.correctionItem.update({
        where: { id: itemId },
        data: { registrarDecision: d.decision, registrarReason: d.reason },
      });
    }
    const changes =
      accepted > 0
        ? await applyItems(tx, actor, request, acceptedItems, provincial ? "provincial" : "correction", now, {
            photo: photoKey ? { key: photoKey } : undefined,
            create,
          })
        : [];
    await scheduleEvidenceDeletion(tx, request.id, now, retentionDays);
    await audit(tx, actor, {
      action: provincial ? "correction.provincialDecision" : "correction.registrarReview",
      targetType: "CorrectionRequest",
      targetId: request.id,
      before: { status: request.status },
      after: {
        status,
        accepted,
        rejected,
        changed: changes.map((c) => c.field),
        note,
        ...(provincialRef ? { provincialRef } : {}),
        bulk: options.bulk ?? false,
      },
    });
    const notice: StudentNotice = {
      accountId: request.accountId,
      kind: `correction.${status === "approved" ? "approved" : status === "rejected" ? "rejected" : status === "provincial_approved" ? "provincialApproved" : "provincialRejected"}`,
      params: { accepted, rejected, reason: note ?? firstReason(decisions) ?? "" },
      linkPath: `/record/requests/${request.id}`,
    };
    await noticeInInbox(tx, notice);
    return notice;
  });
  if (!result.ok) {
    if (photoKey) await deleteUpload(photoKey).catch(() => undefined);
    return result;
  }
  await noticeByMessage(result.value);
  return ok({ status, accepted, rejected });
}

/**
 * The photo that replaces the 录取照片: an image among this request's evidence, or the registrar's upload.
 * Re-encoded like every stored image (EXIF gone, pixel-flood limit, at most 800 px) and stored under
 * admission/ before the decision's transaction; a refused decision removes it again.
 */
async function newAdmissionPhoto(
  requestId: string,
  itemId: string,
  choice: DecisionInput["photo"],
): Promise<Result<string>> {
  const field = `photo.${itemId}`;
  let bytes: Buffer | null = choice?.upload?.length ? choice.upload : null;
  if (!bytes && choice?.evidenceId) {
    const evidence = await db.evidenceFile.findFirst({
      where: { id: choice.evidenceId, requestId, mime: { startsWith: "image/" } },
      select: { storageKey: true },
    });
    bytes = evidence ? await readUpload(evidence.storageKey) : null;
  }
  if (!bytes) return fieldFail({ [field]: { key: "corrections.errors.photo.required" } });
  try {
    const image = await reencodeImage(bytes, { maxInputPixels: 25_000_000, maxEdge: 800 });
    return ok(await saveUpload("admission", image.buffer, image.ext));
  } catch {
    return fieldFail({ [field]: { key: "corrections.errors.photo.unreadable" } });
  }
}

function firstReason(decisions: Map<string, { decision: string; reason: string | null }>): string | null {
  for (const d of decisions.values()) if (d.decision === "rejected" && d.reason) return d.reason;
  return null;
}

/** A skipped request says why as a catalogue message with its params (the unit's name, …). */
export type BulkOutcome = { decided: string[]; skipped: ({ id: string } & Message)[] };
export const MAX_BULK = 200;

/**
 * Bulk approval (college: confirm; registrar: approve) of whole requests, each in its own transaction so
 * one conflict does not undo the others. Never covers the high-risk fields (姓名, 证件号码, 出生日期, 性别,
 * 民族): such requests are skipped with a note and decided one by one; neither are provincial decisions.
 */
export async function bulkApprove(
  actor: Actor,
  stage: "college" | "registrar",
  requestIds: readonly string[],
  now: Date = new Date(),
): Promise<Result<BulkOutcome>> {
  assertCan(actor, stage === "college" ? "correction.collegeReview" : "correction.registrarReview");
  const ids = [...new Set(requestIds)];
  if (ids.length === 0) return fail("corrections.bulk.noneSelected");
  if (ids.length > MAX_BULK) return fail("corrections.bulk.tooMany", { max: MAX_BULK });
  const outcome: BulkOutcome = { decided: [], skipped: [] };
  for (const id of ids) {
    const request = await findScoped(actor, id);
    const skip = (key: string, params?: Message["params"]) => outcome.skipped.push({ id, key, params });
    if (!request) {
      skip("corrections.errors.notFound");
      continue;
    }
    if (hasHighRiskField(request.items.map((i) => i.field))) {
      skip("corrections.bulk.skippedHighRisk");
      continue;
    }
    if (stage === "registrar" && request.status === "provincial_pending") {
      skip("corrections.bulk.skippedProvincial");
      continue;
    }
    const items =
      stage === "college" ? request.items : request.items.filter((i) => i.collegeDecision === "accepted");
    const input: DecisionInput = {
      requestId: id,
      lockVersion: request.lockVersion,
      decisions: items.map((i) => ({ itemId: i.id, decision: "accepted" })),
    };
    const result =
      stage === "college"
        ? await collegeDecide(actor, input, now, { bulk: true })
        : await registrarDecide(actor, input, now, { bulk: true });
    if (result.ok) outcome.decided.push(id);
    else skip(result.error?.key ?? "corrections.errors.alreadyDecided", result.error?.params);
  }
  return ok(outcome);
}

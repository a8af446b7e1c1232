import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can, inCollegeScope } from "@/lib/auth/policy";
import { fieldFail, ok, type Result } from "@/lib/core/result";
import { db } from "@/lib/db";
import { retentionDays } from "@/lib/settings";
import {
  deleteUpload,
  IMAGE_MIME,
  PDF_MIME,
  readUpload,
  reencodeImage,
  saveUpload,
  sniff,
} from "@/lib/uploads/storage";
import { isEmptyFileSlot } from "@/lib/uploads/file-slot";

import { MAX_EVIDENCE_BYTES, MAX_EVIDENCE_FILES, MAX_EVIDENCE_MB } from "./evidence-limits";

export { MAX_EVIDENCE_BYTES, MAX_EVIDENCE_FILES };
/** pdf, jpg, png (SPEC §4.3); GIF is for identity photos only. */
const EVIDENCE_TYPES = [PDF_MIME, IMAGE_MIME[0], IMAGE_MIME[1]] as const;

/** What a form hands over: the browser's File (or a test's), read only after its size was checked. */
export type UploadedFile = { name: string; size: number; arrayBuffer(): Promise<ArrayBuffer> };
export type PreparedEvidence = { bytes: Buffer; mime: string; ext: string; displayName: string };

/** The uploaded name, only for display: no path, no control characters, at most 80 characters. */
export function displayNameOf(name: string, ext: string): string {
  const base = (name.split(/[\\/]/).pop() ?? "").replace(/[\u0000-\u001f\u007f"<>]/g, "").trim();
  const cut = Array.from(base).slice(0, 80).join("");
  return cut || `evidence.${ext}`;
}

/**
 * Checks every file before anything is stored: count, size (≤ 5 MB, not empty), type by content (a .png
 * that is a zip or text is refused), and re-encodes images (EXIF and location data dropped, pixel-flood
 * limit). Empty file slots (a form submitted without choosing a file) are ignored, whatever the field.
 */
export async function prepareEvidence(files: readonly UploadedFile[]): Promise<Result<PreparedEvidence[]>> {
  const chosen = files.filter((f) => !isEmptyFileSlot(f));
  if (chosen.length > MAX_EVIDENCE_FILES) {
    return fieldFail({
      evidence: { key: "corrections.errors.evidence.tooMany", params: { max: MAX_EVIDENCE_FILES } },
    });
  }
  const prepared: PreparedEvidence[] = [];
  for (const file of chosen) {
    const params = { name: displayNameOf(file.name, "file"), mb: MAX_EVIDENCE_MB };
    if (file.size === 0) return fieldFail({ evidence: { key: "corrections.errors.evidence.empty", params } });
    if (file.size > MAX_EVIDENCE_BYTES) {
      return fieldFail({ evidence: { key: "corrections.errors.evidence.tooLarge", params } });
    }
    const bytes = Buffer.from(await file.arrayBuffer());
    if (bytes.length > MAX_EVIDENCE_BYTES) {
      return fieldFail({ evidence: { key: "corrections.errors.evidence.tooLarge", params } });
    }
    const type = await sniff(bytes, EVIDENCE_TYPES);
    if (!type) return fieldFail({ evidence: { key: "corrections.errors.evidence.type", params } });
    if (type.mime === PDF_MIME) {
      prepared.push({ bytes, mime: type.mime, ext: "pdf", displayName: displayNameOf(file.name, "pdf") });
      continue;
    }
    try {
      const image = await reencodeImage(bytes);
      prepared.push({
        bytes: image.buffer,
        mime: image.mime,
        ext: image.ext,
        displayName: displayNameOf(file.name, image.ext),
      });
    } catch {
      return fieldFail({ evidence: { key: "corrections.errors.evidence.unreadable", params } });
    }
  }
  return ok(prepared);
}

/** Stores prepared files; if one write fails, the ones already written are removed again. */
export async function storeEvidence(files: readonly PreparedEvidence[]): Promise<string[]> {
  const keys: string[] = [];
  try {
    for (const file of files) keys.push(await saveUpload("evidence", file.bytes, file.ext));
    return keys;
  } catch (error) {
    await discardEvidence(keys);
    throw error;
  }
}

export async function discardEvidence(keys: readonly string[]): Promise<void> {
  await Promise.allSettled(keys.map((key) => deleteUpload(key)));
}

/**
 * An evidence file for someone allowed to see it: the student who uploaded it, college staff reviewing
 * corrections of that college, the registrar. Anyone else (and unknown ids) gets null → 404.
 */
export async function evidenceForViewer(
  actor: Actor | null,
  evidenceId: string,
): Promise<{ bytes: Buffer; mime: string; displayName: string } | null> {
  if (!actor) return null;
  const file = await db.evidenceFile.findUnique({
    where: { id: evidenceId },
    select: {
      accountId: true,
      storageKey: true,
      mime: true,
      displayName: true,
      request: { select: { collegeId: true } },
    },
  });
  if (!file) return null;
  const allowed =
    actor.kind === "student"
      ? actor.accountId === file.accountId
      : can(actor, "correction.registrarReview") ||
        (!!file.request &&
          can(actor, "correction.collegeReview") &&
          inCollegeScope(actor, file.request.collegeId));
  if (!allowed) return null;
  const bytes = await readUpload(file.storageKey);
  return bytes ? { bytes, mime: file.mime, displayName: file.displayName } : null;
}

/** Days evidence is kept after its request closes (the admin's retention setting, default 180). */
export async function evidenceRetentionDays(): Promise<number> {
  return (await retentionDays()).evidenceDays;
}

/**
 * Retention job step: deletes evidence whose request closed more than the retention period ago (files
 * first, then rows, so a crash in between leaves a row pointing at nothing rather than an orphan file).
 */
export async function purgeExpiredEvidence(now: Date = new Date()): Promise<number> {
  const expired = await db.evidenceFile.findMany({
    where: { deleteAfter: { lte: now } },
    select: { id: true, storageKey: true },
    take: 1000,
  });
  for (const file of expired) {
    await deleteUpload(file.storageKey);
    await db.evidenceFile.delete({ where: { id: file.id } });
  }
  return expired.length;
}

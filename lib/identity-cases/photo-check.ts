import { fileTypeFromBuffer } from "file-type";
import { PHOTO_MAX_BYTES } from "./rules";

/** What a hand-held ID photo may be, decided by its content (magic bytes), never by its name. */
export const PHOTO_MIME_TYPES = new Set(["image/jpeg", "image/png", "image/gif"]);

export type PhotoCheck = { ok: true; mime: string } | { ok: false; reason: "missing" | "tooLarge" | "type" };

/** Presence, size (≤ 300 KB) and real type (jpg/jpeg/png/gif) of one uploaded photo. */
export async function checkPhoto(bytes: Uint8Array | null | undefined): Promise<PhotoCheck> {
  if (!bytes || bytes.byteLength === 0) return { ok: false, reason: "missing" };
  if (bytes.byteLength > PHOTO_MAX_BYTES) return { ok: false, reason: "tooLarge" };
  const detected = await fileTypeFromBuffer(bytes);
  if (!detected || !PHOTO_MIME_TYPES.has(detected.mime)) return { ok: false, reason: "type" };
  return { ok: true, mime: detected.mime };
}

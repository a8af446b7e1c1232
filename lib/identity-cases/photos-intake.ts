import "server-only";
import { z } from "zod";
import type { FieldErrors } from "@/lib/core/result";
import { deleteUpload, reencodeImage, saveUpload } from "@/lib/uploads/storage";
import { checkPhoto } from "./photo-check";
import { PHOTO_MAX_BYTES, PHOTO_MAX_EDGE, PHOTO_MAX_PIXELS, PHOTO_SIDES, type PhotoSide } from "./rules";

export type PhotoPair = Record<PhotoSide, Buffer | null>;
export type StoredPair = Record<PhotoSide, string>;

const REASON_KEYS = {
  missing: "identity.photos.errors.missing",
  tooLarge: "identity.photos.errors.tooLarge",
  type: "identity.photos.errors.type",
} as const;

/**
 * The two photo inputs of a form as bytes. A file over the 300 KB limit is refused by its declared size
 * before its bytes are read (null with the error at its field); an input left empty (browsers send an empty
 * file) counts as no file.
 */
export async function readPhotoFields(
  formData: FormData,
): Promise<{ photos: PhotoPair; tooLarge: FieldErrors | null }> {
  const photos: PhotoPair = { front: null, back: null };
  const tooLarge: FieldErrors = {};
  for (const side of PHOTO_SIDES) {
    const value = formData.get(side);
    if (!value || typeof value === "string" || value.size === 0) continue;
    if (value.size > PHOTO_MAX_BYTES) tooLarge[side] = { key: REASON_KEYS.tooLarge };
    else photos[side] = Buffer.from(await value.arrayBuffer());
  }
  return { photos, tooLarge: Object.keys(tooLarge).length ? tooLarge : null };
}

/**
 * Checks both hand-held ID photos (present, ≤ 300 KB, really jpg/png/gif) and reports each problem at its
 * own field. Nothing is stored.
 */
export async function checkPhotoPair(photos: PhotoPair): Promise<FieldErrors | null> {
  const errors: FieldErrors = {};
  for (const side of PHOTO_SIDES) {
    const check = await checkPhoto(photos[side]);
    if (!check.ok) errors[side] = { key: REASON_KEYS[check.reason] };
  }
  return Object.keys(errors).length ? errors : null;
}

/**
 * Re-encodes both photos (EXIF and other metadata gone, pixel-flood limit) and stores them privately under
 * server-generated names. A photo that does not decode is reported at its field and nothing is kept.
 */
export async function storePhotoPair(
  photos: PhotoPair,
): Promise<{ ok: true; keys: StoredPair } | { ok: false; fieldErrors: FieldErrors }> {
  const encoded: Partial<Record<PhotoSide, { buffer: Buffer; ext: string }>> = {};
  const errors: FieldErrors = {};
  for (const side of PHOTO_SIDES) {
    try {
      encoded[side] = await reencodeImage(photos[side] as Buffer, {
        maxInputPixels: PHOTO_MAX_PIXELS,
        maxEdge: PHOTO_MAX_EDGE,
      });
    } catch {
      errors[side] = { key: "identity.photos.errors.unreadable" };
    }
  }
  if (Object.keys(errors).length) return { ok: false, fieldErrors: errors };
  const keys: Partial<StoredPair> = {};
  try {
    for (const side of PHOTO_SIDES) {
      const image = encoded[side] as { buffer: Buffer; ext: string };
      keys[side] = await saveUpload("identity", image.buffer, image.ext);
    }
  } catch (error) {
    await discardPhotos(Object.values(keys));
    throw error;
  }
  return { ok: true, keys: keys as StoredPair };
}

/** Removes stored photos again (the case that would have held them was refused). */
export async function discardPhotos(keys: (string | null | undefined)[]): Promise<void> {
  for (const key of keys) if (key) await deleteUpload(key).catch(() => undefined);
}

/**
 * A form with the two photo inputs, read for an action's schema (lib/auth/action.ts `read`): the text
 * fields, the photos' bytes and the declared-size refusals (`photoFields` is the schema's part for them).
 */
export async function readPhotoForm(formData: FormData): Promise<Record<string, unknown>> {
  const texts = Object.fromEntries([...formData.entries()].filter(([, v]) => typeof v === "string"));
  return { ...texts, ...(await readPhotoFields(formData)) };
}

export const photoFields = {
  photos: z.custom<PhotoPair>((v) => typeof v === "object" && v !== null),
  tooLarge: z.custom<FieldErrors | null>(),
};

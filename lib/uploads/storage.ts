import "server-only";
import { randomBytes } from "node:crypto";
import { mkdir, open, readFile, rename, rm } from "node:fs/promises";
import path from "node:path";
import { fileTypeFromBuffer } from "file-type";
import sharp from "sharp";
import { env } from "@/lib/env";

/**
 * Private file storage for personal files (admission photos, correction evidence, hand-held ID photos).
 * Files live under UPLOADS_DIR (default ./data/uploads, never under public/) with server-generated names:
 * no part of a stored path ever comes from the uploader. Callers keep the returned key in the database
 * and serve the bytes through a route that checks who is asking.
 */

/** Root directory, resolved once per call so tests can point UPLOADS_DIR at their own folder. */
export function uploadsRoot(): string {
  return path.resolve(env().UPLOADS_DIR);
}

const CATEGORY = /^[a-z][a-z0-9-]{0,30}$/;
const EXTENSION = /^[a-z0-9]{1,5}$/;
/** Keys are relative paths of safe segments: no "..", no absolute paths, no backslashes. */
const KEY = /^[a-z0-9][a-z0-9-]*(?:\/[A-Za-z0-9][A-Za-z0-9._-]{0,100}){1,4}$/;

export function isValidKey(key: string): boolean {
  return KEY.test(key) && !key.split("/").some((segment) => segment === ".." || segment.startsWith("."));
}

/** Absolute path of a key, refusing anything that would leave the storage root. */
function pathOf(key: string): string {
  if (!isValidKey(key)) throw new Error("invalid storage key");
  const root = uploadsRoot();
  const file = path.resolve(root, key);
  if (!file.startsWith(root + path.sep)) throw new Error("invalid storage key");
  return file;
}

/**
 * Stores bytes under `<category>/<yyyy>/<mm>/<random>.<ext>` and returns that key. The write goes to a
 * temporary file that is fsynced and then renamed, so a key recorded in the database after this returns
 * always names a complete file, even after a crash.
 */
export async function saveUpload(category: string, buffer: Buffer, ext: string): Promise<string> {
  if (!CATEGORY.test(category)) throw new Error("invalid upload category");
  if (!EXTENSION.test(ext)) throw new Error("invalid upload extension");
  const now = new Date();
  const month = String(now.getUTCMonth() + 1).padStart(2, "0");
  const key = `${category}/${now.getUTCFullYear()}/${month}/${randomBytes(16).toString("hex")}.${ext}`;
  const file = pathOf(key);
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${randomBytes(6).toString("hex")}.tmp`;
  const handle = await open(temp, "wx", 0o600);
  try {
    await handle.writeFile(buffer);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, file);
  return key;
}

/** The stored bytes, or null when the key is invalid or the file is gone. */
export async function readUpload(key: string): Promise<Buffer | null> {
  try {
    return await readFile(pathOf(key));
  } catch {
    return null;
  }
}

/** Removes a stored file; a missing file is not an error (deletion is idempotent). */
export async function deleteUpload(key: string): Promise<void> {
  await rm(pathOf(key), { force: true });
}

export const IMAGE_MIME = ["image/jpeg", "image/png", "image/gif"] as const;
export const PDF_MIME = "application/pdf";
export type SniffedType = { mime: string; ext: string };

/**
 * The file's real type from its content (magic bytes), if it is one of `allowed` (MIME types). The
 * uploaded name and the browser's Content-Type are never trusted: a .png that is really a zip or text is
 * refused here.
 */
export async function sniff(buffer: Buffer, allowed: readonly string[]): Promise<SniffedType | null> {
  if (buffer.length === 0) return null;
  const type = await fileTypeFromBuffer(buffer);
  if (!type || !allowed.includes(type.mime)) return null;
  return { mime: type.mime, ext: type.ext === "jpeg" ? "jpg" : type.ext };
}

export type ReencodeOptions = {
  /** refuse images with more pixels than this before decoding them (pixel-flood / decompression bombs) */
  maxInputPixels?: number;
  /** longest edge of the stored image; larger pictures are scaled down */
  maxEdge?: number;
};

/**
 * Decodes and re-encodes an image in its own format (JPEG, PNG or GIF): EXIF (location, device), ICC and
 * XMP metadata are dropped, the EXIF orientation is applied to the pixels first so the picture stays
 * upright. Throws when the bytes are not a decodable image or exceed the pixel limit.
 */
export async function reencodeImage(
  buffer: Buffer,
  { maxInputPixels = 40_000_000, maxEdge = 3000 }: ReencodeOptions = {},
): Promise<{ buffer: Buffer; mime: string; ext: string }> {
  const image = sharp(buffer, { limitInputPixels: maxInputPixels, failOn: "error", animated: false })
    .rotate()
    .resize({ width: maxEdge, height: maxEdge, fit: "inside", withoutEnlargement: true });
  const { format } = await sharp(buffer, { limitInputPixels: maxInputPixels }).metadata();
  switch (format) {
    case "jpeg":
      return {
        buffer: await image.jpeg({ quality: 85, mozjpeg: true }).toBuffer(),
        mime: "image/jpeg",
        ext: "jpg",
      };
    case "png":
      return { buffer: await image.png({ compressionLevel: 9 }).toBuffer(), mime: "image/png", ext: "png" };
    case "gif":
      return { buffer: await image.gif().toBuffer(), mime: "image/gif", ext: "gif" };
    default:
      throw new Error(`unsupported image format: ${format ?? "unknown"}`);
  }
}

/** MIME type to serve a stored file with, from its key's extension (keys are server-generated). */
export function mimeForKey(key: string): string {
  const ext = key.slice(key.lastIndexOf(".") + 1).toLowerCase();
  const types: Record<string, string> = {
    jpg: "image/jpeg",
    jpeg: "image/jpeg",
    png: "image/png",
    gif: "image/gif",
    pdf: PDF_MIME,
  };
  return types[ext] ?? "application/octet-stream";
}

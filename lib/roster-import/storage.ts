import "server-only";
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { env } from "@/lib/env";

/** Uploaded roster files live privately under UPLOADS_DIR/imports, named by the job id (never by the user). */
export function importsDir(): string {
  return path.resolve(env().UPLOADS_DIR, "imports");
}

export function importFilePath(fileKey: string): string {
  return path.join(importsDir(), path.basename(fileKey));
}

/** Creates the imports folder if needed (the first upload, or records imported before any file). */
export async function ensureImportsDir(): Promise<void> {
  await mkdir(importsDir(), { recursive: true });
}

export async function saveImportFile(fileKey: string, bytes: Uint8Array): Promise<string> {
  await ensureImportsDir();
  const target = importFilePath(fileKey);
  await writeFile(target, bytes, { mode: 0o600 });
  return target;
}

export async function removeImportFile(fileKey: string): Promise<void> {
  await rm(importFilePath(fileKey), { force: true });
}

/** A request body written to a private file: where, how many bytes, and its first bytes (to sniff the type). */
export type SpooledFile = { path: string; size: number; head: Uint8Array };

/**
 * Streams a request body to a private temporary file in the imports folder, chunk by chunk (memory stays at
 * one chunk whatever the size), and gives up — deleting what it wrote — as soon as more than `maxBytes`
 * arrive. Returns null in that case.
 */
export async function spoolUpload(
  body: ReadableStream<Uint8Array>,
  maxBytes: number,
): Promise<SpooledFile | null> {
  await mkdir(importsDir(), { recursive: true });
  const target = path.join(importsDir(), `upload-${randomBytes(12).toString("hex")}.part`);
  const out = createWriteStream(target, { mode: 0o600 });
  const reader = body.getReader();
  let size = 0;
  let head = new Uint8Array(0);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined);
        out.destroy();
        await rm(target, { force: true });
        return null;
      }
      if (head.length < 8) head = Uint8Array.from([...head, ...value.subarray(0, 8 - head.length)]);
      if (!out.write(value)) await once(out, "drain");
    }
    out.end();
    await once(out, "finish");
    return { path: target, size, head };
  } catch (error) {
    out.destroy();
    await rm(target, { force: true });
    throw error;
  }
}

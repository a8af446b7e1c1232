import "server-only";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { env } from "@/lib/env";

/** Uploaded roster files live privately under UPLOADS_DIR/imports, named by the job id (never by the user). */
export function importsDir(): string {
  return path.resolve(env().UPLOADS_DIR, "imports");
}

export function importFilePath(fileKey: string): string {
  return path.join(importsDir(), path.basename(fileKey));
}

export async function saveImportFile(fileKey: string, bytes: Uint8Array): Promise<string> {
  await mkdir(importsDir(), { recursive: true });
  const target = importFilePath(fileKey);
  await writeFile(target, bytes, { mode: 0o600 });
  return target;
}

export async function removeImportFile(fileKey: string): Promise<void> {
  await rm(importFilePath(fileKey), { force: true });
}

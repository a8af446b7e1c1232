/**
 * Evidence limits of the 信息有误 form (SPEC §4.3: pdf/jpg/png, ≤ 5 MB each, ≤ 5 files), shared by the
 * server's check (lib/corrections/evidence.ts) and the browser's check before sending.
 */
export const MAX_EVIDENCE_FILES = 5;
export const MAX_EVIDENCE_MB = 5;
export const MAX_EVIDENCE_BYTES = MAX_EVIDENCE_MB * 1024 * 1024;

/** The first chosen file over the size limit, if any (what the form names at the field). */
export function oversizedEvidence<F extends { name: string; size: number }>(
  files: Iterable<F>,
): F | undefined {
  for (const file of files) if (file.size > MAX_EVIDENCE_BYTES) return file;
  return undefined;
}

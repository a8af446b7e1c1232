/**
 * How the import page sends a roster to POST /registrar/import/upload: the file is the raw body and its
 * name travels percent-encoded in this header (a cross-site form cannot set it).
 */
export const UPLOAD_PATH = "/registrar/import/upload";
export const FILE_NAME_HEADER = "x-file-name";
/** Same as MAX_IMPORT_BYTES (lib/roster-import/jobs.ts), for the browser's check before sending. */
export const MAX_UPLOAD_BYTES = 64 * 1024 * 1024;

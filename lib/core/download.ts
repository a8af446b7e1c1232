/**
 * The one way a file download is answered: `content-disposition` with an ASCII fallback name and the real
 * (Chinese) name as RFC 5987 `filename*`, never cached.
 */

/** RFC 5987 value-chars: encodeURIComponent leaves ' ( ) * unescaped, which attr-char does not allow. */
const rfc5987 = (value: string) =>
  encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** An ASCII stand-in for browsers that ignore filename* (quotes, backslashes and non-ASCII replaced). */
const asciiName = (value: string) => value.replace(/[^\x20-\x7e]|["\\]/g, "_");

export function contentDisposition(
  fileName: string,
  options: { fallback?: string; inline?: boolean } = {},
): string {
  const type = options.inline ? "inline" : "attachment";
  return `${type}; filename="${asciiName(options.fallback ?? fileName)}"; filename*=UTF-8''${rfc5987(fileName)}`;
}

export const CONTENT_TYPES = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
} as const;

/** The response of a download: the body, its type, the file name (and an ASCII fallback). */
export function downloadResponse(
  body: BodyInit,
  file: { name: string; fallback?: string; contentType: string },
): Response {
  return new Response(body, {
    headers: {
      "content-type": file.contentType,
      "content-disposition": contentDisposition(file.name, { fallback: file.fallback }),
      "cache-control": "no-store",
    },
  });
}

import "server-only";
import { contentDisposition } from "@/lib/core/download";

/** Headers every private file answer carries: never cached by browsers or proxies, never sniffed. */
const PRIVATE_HEADERS = {
  "cache-control": "private, no-store, max-age=0",
  pragma: "no-cache",
  "x-content-type-options": "nosniff",
  // A stored file is data, never a page: no scripts, no plugins, even if a browser tried to render it.
  "content-security-policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
  "cross-origin-resource-policy": "same-origin",
} as const;

/**
 * The answer for a private file the caller was allowed to read. Images are shown inline; anything else
 * (PDF) is downloaded, so it never runs inside this site's origin.
 */
export function privateFileResponse(bytes: Buffer, mime: string, filename?: string): Response {
  const inline = mime.startsWith("image/");
  return new Response(new Uint8Array(bytes), {
    status: 200,
    headers: {
      ...PRIVATE_HEADERS,
      "content-type": mime,
      "content-length": String(bytes.length),
      "content-disposition": filename
        ? contentDisposition(filename, { inline })
        : inline
          ? "inline"
          : "attachment",
    },
  });
}

/** Someone else's file, an unknown id or a missing file: the same 404, so nothing can be probed. */
export function fileNotFound(): Response {
  return new Response("Not found", {
    status: 404,
    headers: { ...PRIVATE_HEADERS, "content-type": "text/plain" },
  });
}

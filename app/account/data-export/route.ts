import { type NextRequest } from "next/server";
import { getActor } from "@/lib/auth/current";
import { metaFromHeaders } from "@/lib/core/request-meta";
import { prepareDataExport } from "@/lib/privacy/export";
import { exportFailureCode } from "@/lib/privacy/export-failure";
import { dataExportZip } from "@/lib/privacy/zip";
import { contentDisposition } from "@/lib/core/download";

/**
 * 下载我的数据: a form POST with the current password (nothing personal in the URL); the answer is the zip,
 * streamed. A refusal goes back to /account with a short code the page turns into a message at the field.
 */
export async function POST(request: NextRequest) {
  const back = (code: string) =>
    new Response(null, {
      status: 303,
      headers: { location: `/account?export=${code}#data`, "cache-control": "no-store" },
    });
  const actor = await getActor();
  if (!actor || actor.kind !== "student") {
    return new Response(null, { status: 303, headers: { location: "/login?next=%2Faccount" } });
  }
  const form = await request.formData().catch(() => null);
  const password = form?.get("currentPassword");
  if (typeof password !== "string" || password.length > 1024) return back("wrongPassword");
  const result = await prepareDataExport(
    actor,
    { currentPassword: password },
    metaFromHeaders(request.headers),
  );
  if (!result.ok) return back(exportFailureCode(result));
  return new Response(dataExportZip(result.value), {
    headers: {
      "content-type": "application/zip",
      "content-disposition": contentDisposition(result.value.fileName),
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}

import { after } from "next/server";
import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/current";
import { can } from "@/lib/auth/policy";
import { isSameOrigin } from "@/lib/security/same-origin";
import { statusOf } from "@/lib/core/failure-status";
import { createRosterImport, MAX_IMPORT_BYTES, rosterImportBusy, runPreview } from "@/lib/roster-import/jobs";
import { spoolUpload } from "@/lib/roster-import/storage";
import { FILE_NAME_HEADER } from "@/lib/roster-import/upload-protocol";

const reply = (status: number, body: Record<string, unknown>) =>
  Response.json(body, { status, headers: { "cache-control": "no-store" } });

/**
 * POST /registrar/import/upload — the roster file as the raw request body, streamed to a private file with
 * a byte cap (a roster may be 64 MB; server actions keep a small body limit). Everything that can refuse
 * the upload is checked before a byte of the body is read: same origin (this route is outside the proxy,
 * whose body cloning would buffer the file in memory), the custom file-name header (a cross-site form
 * cannot send it), the signed-in registrar's permission, the declared length, a commit in progress.
 */
export async function POST(request: Request) {
  const t = await getTranslations();
  const refuse = (status: number, key: string, params?: Record<string, number>) =>
    reply(status, { code: key, error: t(key, params) });
  const rawName = request.headers.get(FILE_NAME_HEADER);
  if (!isSameOrigin(request) || rawName === null) return refuse(403, "import.errors.forbidden");
  const actor = await getActor();
  if (!actor || actor.kind !== "staff" || !can(actor, "roster.import"))
    return refuse(403, "import.errors.forbidden");
  const tooLarge = () => refuse(413, "import.errors.fileTooLarge", { mb: MAX_IMPORT_BYTES / 1024 / 1024 });
  if (Number(request.headers.get("content-length") ?? 0) > MAX_IMPORT_BYTES) return tooLarge();
  let name: string;
  try {
    name = decodeURIComponent(rawName).slice(0, 300);
  } catch {
    return refuse(400, "import.errors.fileType");
  }
  if (!request.body) return refuse(400, "import.errors.emptyFile");
  if (await rosterImportBusy(actor)) return refuse(statusOf({ kind: "busy" }), "import.errors.busy");

  const spooled = await spoolUpload(request.body, MAX_IMPORT_BYTES);
  if (!spooled) return tooLarge();
  const result = await createRosterImport(actor, { name, spooled });
  if (!result.ok) {
    const key = result.error?.key ?? "import.errors.unexpected";
    return refuse(statusOf(result), key, result.error?.params as Record<string, number>);
  }
  const { jobId } = result.value;
  after(() => runPreview(jobId));
  return reply(201, { jobId, location: `/registrar/import/${jobId}` });
}

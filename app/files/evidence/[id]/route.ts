import { getActor } from "@/lib/auth/current";
import { evidenceForViewer } from "@/lib/corrections/evidence";
import { fileNotFound, privateFileResponse } from "@/lib/uploads/response";

export const dynamic = "force-dynamic";

/** Evidence of a correction request: its uploader and the reviewers of that college only; else 404. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const file = await evidenceForViewer(await getActor(), id.slice(0, 40));
  return file ? privateFileResponse(file.bytes, file.mime, file.displayName) : fileNotFound();
}

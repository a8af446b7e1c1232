import { getActor } from "@/lib/auth/current";
import { admissionPhotoFor } from "@/lib/records/photo";
import { fileNotFound, privateFileResponse } from "@/lib/uploads/response";

export const dynamic = "force-dynamic";

/** 录取照片: its owner and staff of the record's college only; everyone else gets 404. */
export async function GET(_request: Request, { params }: { params: Promise<{ recordId: string }> }) {
  const { recordId } = await params;
  const photo = await admissionPhotoFor(await getActor(), recordId.slice(0, 40));
  return photo ? privateFileResponse(photo.bytes, photo.mime) : fileNotFound();
}

import { type NextRequest } from "next/server";
import { getActor } from "@/lib/auth/current";
import { readIdentityPhoto } from "@/lib/identity-cases/photo-access";

/**
 * Serves a hand-held ID photo to its owner or support (the service decides; see readIdentityPhoto).
 * Everyone else gets the same 404 as for a photo that does not exist. Never cached.
 */
export async function GET(
  _request: NextRequest,
  { params }: { params: Promise<{ caseId: string; side: string }> },
) {
  const { caseId, side } = await params;
  const result = await readIdentityPhoto(await getActor(), caseId, side);
  if (!result.ok) {
    return new Response("Not found", {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
    });
  }
  return new Response(new Uint8Array(result.value.bytes), {
    headers: {
      "content-type": result.value.contentType,
      "cache-control": "private, no-store",
      "content-disposition": "inline",
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
    },
  });
}

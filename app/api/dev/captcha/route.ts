import { NextResponse, type NextRequest } from "next/server";
import { devOutboxEnabled } from "@/lib/env";
import { devCaptchaAnswer } from "@/lib/security/captcha";

/** Development and tests only (DEV_OUTBOX=1): the answer of a picture captcha, for automated browsers. */
export async function GET(request: NextRequest) {
  if (!devOutboxEnabled()) return NextResponse.json({ error: "not found" }, { status: 404 });
  const answer = devCaptchaAnswer(request.nextUrl.searchParams.get("id") ?? "");
  return answer
    ? NextResponse.json({ answer }, { headers: { "cache-control": "no-store" } })
    : NextResponse.json({ error: "not found" }, { status: 404 });
}

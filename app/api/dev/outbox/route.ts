import { NextResponse, type NextRequest } from "next/server";
import { devOutboxEnabled } from "@/lib/env";
import { latestMessagesTo } from "@/lib/messaging/outbox-read";
import { parsePhone } from "@/lib/identity/phone";

/**
 * Development and tests only (DEV_OUTBOX=1, off by default): the latest messages to a phone or e-mail as
 * JSON, so an automated browser can read the SMS code a person would read on their phone.
 */
export async function GET(request: NextRequest) {
  if (!devOutboxEnabled()) return NextResponse.json({ error: "not found" }, { status: 404 });
  const raw = request.nextUrl.searchParams.get("to") ?? "";
  const phone = parsePhone(raw);
  const to = phone.ok ? phone.value : raw.trim().toLowerCase();
  if (!to) return NextResponse.json({ error: "to is required" }, { status: 400 });
  const messages = await latestMessagesTo(to);
  return NextResponse.json(
    messages.map((m) => ({
      to: m.to,
      channel: m.channel,
      subject: m.subject ?? undefined,
      body: m.body,
      code: m.code ?? undefined,
      createdAt: m.createdAt.toISOString(),
    })),
    { headers: { "cache-control": "no-store" } },
  );
}

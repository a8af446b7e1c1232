import type { NextRequest } from "next/server";
import { readSessionId, setSessionCookie } from "@/lib/auth/cookie";
import { homePathFor } from "@/lib/auth/policy";
import { resolveSession } from "@/lib/auth/sessions";
import { requestMeta } from "@/lib/core/request-meta";
import { safeNextPath } from "@/lib/core/safe-next";
import { completeExternalSignIn, type CallbackOutcome } from "@/lib/external-sign-in/callback";
import { flowCookie } from "@/lib/external-sign-in/flow-cookie";

export const dynamic = "force-dynamic";

/** Where each outcome lands; a refusal names its reason (an i18n key), never an error's text. */
async function landing(outcome: CallbackOutcome): Promise<string> {
  switch (outcome.kind) {
    case "signedIn": {
      await setSessionCookie(outcome.sessionId, outcome.audience);
      if (outcome.audience === "staff") {
        const actor = await resolveSession(outcome.sessionId);
        return actor ? homePathFor(actor) : "/";
      }
      if (outcome.identityStatus === "pending") return "/identity";
      return safeNextPath(outcome.next) ?? "/record";
    }
    case "bound":
      return "/account?sso=bound#external";
    case "failed": {
      const query = new URLSearchParams({ sso: outcome.reason });
      if (outcome.until) query.set("until", outcome.until.toISOString());
      if (outcome.audience === "bind") return `/account?${query}#external`;
      return `${outcome.audience === "staff" ? "/staff/login" : "/login"}?${query}`;
    }
  }
}

/** The provider's redirect back (/oidc/callback/<slug>): finishes the sign-in or binding it started. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ provider: string }> }) {
  const { provider } = await params;
  const outcome = await completeExternalSignIn(
    provider,
    request.nextUrl.searchParams,
    await flowCookie(),
    await readSessionId(),
    await requestMeta(),
  );
  return new Response(null, {
    status: 303,
    headers: {
      Location: await landing(outcome),
      "Cache-Control": "no-store",
      "Referrer-Policy": "no-referrer",
    },
  });
}

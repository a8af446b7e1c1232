import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { parse as parseCookies } from "cookie";
import NextAuth, { type NextAuthOptions } from "next-auth";
import { bodyRefusal } from "@/lib/security/body-limits";
import { isSameOriginPost } from "@/lib/security/same-origin";

/**
 * The credentials sign-in post (`POST /api/auth/callback/<provider>`) answered on Node's own request and
 * response, for scripts/serve.ts (lib/ops/direct-routes.ts): next-auth's handler for Node servers (the one a
 * Pages Router API route uses) with the app's options — the same CSRF token check, providers, callbacks,
 * cookies and redirects as through Next's router — after the checks proxy.ts makes on that way: the post
 * comes from this site's origin, and its body is within the page's limit.
 */
export function credentialsCallback(providerId: string, options: NextAuthOptions) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers))
      if (typeof value === "string") headers.set(name, value);
    const path = `/api/auth/callback/${providerId}`;

    const here = `${headers.get("x-forwarded-proto") ?? "http"}://${headers.get("x-forwarded-host") ?? headers.get("host")}`;
    if (!isSameOriginPost(headers, here)) return refuse(res, 403, { error: "cross-origin request refused" });
    const tooLarge = bodyRefusal(path, headers);
    if (tooLarge) {
      res.setHeader("connection", "close");
      return refuse(res, tooLarge.status, { error: "request body too large", limitBytes: tooLarge.limit });
    }

    const text = await readText(req);
    const body = parseBody(headers.get("content-type"), text);
    const apiReq = Object.assign(req, {
      query: { nextauth: ["callback", providerId] },
      body,
      cookies: parseCookies(headers.get("cookie") ?? ""),
    });
    const apiRes = Object.assign(res, {
      status(code: number) {
        res.statusCode = code;
        return apiRes;
      },
      json(value: unknown) {
        res.setHeader("content-type", "application/json");
        res.end(JSON.stringify(value));
      },
      send(value: unknown) {
        res.end(
          typeof value === "string" || value instanceof Uint8Array ? value : JSON.stringify(value ?? ""),
        );
      },
    });
    // next-auth's (req, res, options) form: its handler for Node servers
    await (NextAuth as unknown as (req: unknown, res: unknown, options: NextAuthOptions) => Promise<void>)(
      apiReq,
      apiRes,
      options,
    );
  };
}

function refuse(res: ServerResponse, status: number, body: object): void {
  res.statusCode = status;
  res.setHeader("content-type", "application/json");
  res.end(JSON.stringify(body));
}

async function readText(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** As next-auth reads a post through Next's router: a form or JSON; anything else has no fields. */
function parseBody(contentType: string | null, text: string): Record<string, unknown> | undefined {
  if (contentType?.includes("application/x-www-form-urlencoded"))
    return Object.fromEntries(new URLSearchParams(text));
  if (contentType?.includes("application/json")) {
    try {
      const value: unknown = JSON.parse(text);
      return value && typeof value === "object" ? (value as Record<string, unknown>) : undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

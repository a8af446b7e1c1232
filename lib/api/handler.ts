import "server-only";
import type { ApiActor } from "@/lib/auth/actor";
import { can, type Permission } from "@/lib/auth/policy";
import { AuthorizationError, NotFoundError } from "@/lib/core/result";
import type { Locale } from "@/lib/i18n/locales";
import { consume } from "@/lib/security/rate-limit";
import { apiLocale, apiTranslator, type Translate } from "./messages";
import type { z } from "zod";
import { apiError, zodFieldErrors } from "./respond";
import { logApiRead } from "./read-log";
import { bearerToken, checkToken } from "./tokens";

export type ApiContext<P> = { request: Request; actor: ApiActor; params: P; t: Translate; locale: Locale };
type RouteContext<P> = { params: Promise<P> };

const CHALLENGE = { "www-authenticate": 'Bearer realm="api/v1"' };

/**
 * The one entry point of every /api/v1 handler: authenticates `Authorization: Bearer <token>` (keyed-hash
 * lookup, refused when revoked or expired; a read-only token is refused on every write), rate-limits per token, checks the permission in the same policy the pages
 * use, then runs the handler with an ApiActor. Expected failures become JSON errors; nothing else leaks.
 * No cookies are read: a browser session never authorises an API call.
 */
export function apiHandler<P = Record<string, never>>(
  options: { permission: Permission | readonly Permission[] },
  handler: (ctx: ApiContext<P>) => Promise<Response>,
) {
  return async (request: Request, context?: RouteContext<P>): Promise<Response> => {
    const locale = apiLocale(request);
    const t = apiTranslator(locale);
    const err = (status: number, code: string, headers: Record<string, string> = {}) =>
      apiError(status, code, t(code), undefined, headers);
    try {
      const token = bearerToken(request.headers.get("authorization"));
      if (!token) return err(401, "api.errors.missingToken", CHALLENGE);
      const checked = await checkToken(token);
      if (checked.status === "expired") return err(401, "api.errors.expiredToken", CHALLENGE);
      if (checked.status !== "ok") return err(401, "api.errors.invalidToken", CHALLENGE);
      const actor = checked.actor;

      const limit = await consume("apiPerTokenMinute", actor.tokenId);
      if (!limit.ok) {
        return apiError(
          429,
          "api.errors.rateLimited",
          t("api.errors.rateLimited", { seconds: limit.retryAfterSeconds }),
          undefined,
          {
            "retry-after": String(limit.retryAfterSeconds),
          },
        );
      }
      const anyOf = typeof options.permission === "string" ? [options.permission] : options.permission;
      if (!anyOf.some((p) => can(actor, p))) return err(403, "api.errors.forbidden");
      // a read-only token may call GET (and HEAD) only: every other method writes
      if (actor.readOnly && !["GET", "HEAD"].includes(request.method.toUpperCase()))
        return err(403, "api.errors.readOnlyToken");

      const params = (context ? await context.params : {}) as P;
      const response = await handler({ request, actor, params, t, locale });
      if (request.method === "GET") await logApiRead(actor, request, response.status);
      return response;
    } catch (e) {
      if (e instanceof AuthorizationError) return err(403, "api.errors.forbidden");
      if (e instanceof NotFoundError) return err(404, "api.errors.notFound");
      console.error("api/v1 handler failed", e);
      return err(500, "api.errors.internal");
    }
  };
}

/** Reads a JSON body with a size cap; a Response when it is missing, too large or not JSON. */
export async function readJsonBody(
  ctx: Pick<ApiContext<unknown>, "request" | "t">,
  maxBytes: number,
): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  const { request, t } = ctx;
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type))
    return { ok: false, response: apiError(415, "api.errors.jsonOnly", t("api.errors.jsonOnly")) };
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes)
    return {
      ok: false,
      response: apiError(413, "api.errors.tooLarge", t("api.errors.tooLarge", { mb: maxBytes / 1_000_000 })),
    };
  const text = await request.text();
  if (Buffer.byteLength(text) > maxBytes)
    return {
      ok: false,
      response: apiError(413, "api.errors.tooLarge", t("api.errors.tooLarge", { mb: maxBytes / 1_000_000 })),
    };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, response: apiError(400, "api.errors.badJson", t("api.errors.badJson")) };
  }
}

/** The request's query string checked against a schema; a 400 with per-field errors when it does not fit. */
export function readQuery<S extends z.ZodType>(
  ctx: Pick<ApiContext<unknown>, "request" | "t">,
  schema: S,
): { ok: true; value: z.infer<S> } | { ok: false; response: Response } {
  const parsed = schema.safeParse(Object.fromEntries(new URL(ctx.request.url).searchParams));
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    response: apiError(
      400,
      "api.errors.invalidQuery",
      ctx.t("api.errors.invalidQuery"),
      zodFieldErrors(parsed.error),
    ),
  };
}

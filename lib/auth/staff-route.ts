import "server-only";
import type { StaffActor } from "./actor";
import { getActor } from "./current";
import { isDemoMode } from "@/lib/env";
import { can, type Permission } from "./policy";

export type StaffFileRequest<P> = { request: Request; url: URL; actor: StaffActor; params: P };

/**
 * The one guard of staff file routes (exports, reports, templates). Decided once for all of them:
 * - not signed in as staff, or without the permission (any of a list) → 404: the URL shows nothing to
 *   whoever may not have it;
 * - a staff member who must change the password first (outside demo mode, as on every staff page) → 403.
 * The handler runs only for an allowed actor.
 */
export function staffFileRoute<P extends Record<string, string> = Record<string, never>>(
  permission: Permission | readonly Permission[],
  handler: (input: StaffFileRequest<P>) => Promise<Response>,
): (request: Request, context: { params: Promise<P> }) => Promise<Response> {
  const permissions: readonly Permission[] = typeof permission === "string" ? [permission] : permission;
  return async (request, context) => {
    const actor = await getActor();
    if (!actor || actor.kind !== "staff" || !permissions.some((p) => can(actor, p))) return notFound();
    if (actor.mustChangePassword && !isDemoMode())
      return Response.json({ error: "change your password first" }, { status: 403 });
    const params = ((await context?.params) ?? {}) as P;
    return handler({ request, url: new URL(request.url), actor, params });
  };
}

/** The answer for a file the allowed actor asked for that is not there (unknown id, campaign, job). */
export const notFound = (): Response => Response.json({ error: "not found" }, { status: 404 });

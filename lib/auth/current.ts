import "server-only";
import { cache } from "react";
import { forbidden, redirect } from "next/navigation";
import type { Actor, StaffActor, StudentActor } from "./actor";
import { readSessionId } from "./cookie";
import { can, type Permission } from "./policy";
import { resolveSession } from "./sessions";

/** The signed-in actor for this request (session checked against the database once per request). */
export const getActor = cache(async (): Promise<Actor | null> => {
  const sessionId = await readSessionId();
  return sessionId ? resolveSession(sessionId) : null;
});

/** For student pages: redirects to /login when signed out; staff get "forbidden". */
export async function requireStudent(
  options: { allowPending?: boolean; next?: string } = {},
): Promise<StudentActor> {
  const actor = await getActor();
  if (!actor) redirect(options.next ? `/login?next=${encodeURIComponent(options.next)}` : "/login");
  if (actor.kind !== "student") forbidden();
  if (actor.identityStatus === "pending" && !options.allowPending) redirect("/identity");
  return actor;
}

/** For staff pages: redirects to /staff/login when signed out; others get "forbidden". */
export async function requireStaff(permission?: Permission): Promise<StaffActor> {
  const actor = await getActor();
  if (!actor) redirect("/staff/login");
  if (actor.kind !== "staff") forbidden();
  if (permission && !can(actor, permission)) forbidden();
  return actor;
}

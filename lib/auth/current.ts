import "server-only";
import { cache } from "react";
import { forbidden, redirect } from "next/navigation";
import type { Actor, StaffActor, StudentActor } from "./actor";
import { readSessionId } from "./cookie";
import { isDemoMode } from "@/lib/env";
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

/**
 * For staff pages: redirects to /staff/login when signed out; others get "forbidden". Outside demo mode a
 * staff member whose password was set by someone else (or a demo account) must change it first.
 */
export async function requireStaff(
  permission?: Permission,
  options: { allowPasswordChange?: boolean } = {},
): Promise<StaffActor> {
  const actor = await getActor();
  if (!actor) redirect("/staff/login");
  if (actor.kind !== "staff") forbidden();
  if (actor.mustChangePassword && !isDemoMode() && !options.allowPasswordChange) redirect("/staff/password");
  if (permission && !can(actor, permission)) forbidden();
  return actor;
}

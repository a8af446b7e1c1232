import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";

export type NavItem = { href: string; labelKey: string; badge?: "inbox" };

/** The areas a signed-in person can open, derived from the same policy the pages enforce. */
export function navItemsFor(actor: Actor | null): NavItem[] {
  if (!actor) return [{ href: "/", labelKey: "nav.home" }];
  if (actor.kind === "student") {
    return actor.identityStatus === "pending"
      ? [
          { href: "/identity", labelKey: "nav.identity" },
          { href: "/inbox", labelKey: "nav.inbox", badge: "inbox" },
          // account.manageOwn is a pending permission too (change password, phone, recovery options)
          { href: "/account", labelKey: "nav.account" },
        ]
      : [
          { href: "/record", labelKey: "nav.record" },
          { href: "/inbox", labelKey: "nav.inbox", badge: "inbox" },
          { href: "/account", labelKey: "nav.account" },
          // name / ID number change requests (SPEC §3.4)
          { href: "/identity", labelKey: "nav.identity" },
        ];
  }
  const items: NavItem[] = [];
  if (actor.kind === "staff" && actor.roles.includes("college"))
    items.push({ href: "/college", labelKey: "nav.college" });
  if (can(actor, "progress.viewAll")) items.push({ href: "/registrar", labelKey: "nav.registrar" });
  if (can(actor, "identityCase.review")) items.push({ href: "/support", labelKey: "nav.support" });
  if (can(actor, "settings.manage")) items.push({ href: "/admin", labelKey: "nav.admin" });
  items.push({ href: "/inbox", labelKey: "nav.inbox", badge: "inbox" });
  if (actor.kind === "staff") items.push({ href: "/staff/password", labelKey: "nav.password" });
  return items;
}

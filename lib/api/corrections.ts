import "server-only";
import type { ApiActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import type { Stage } from "@/lib/corrections/queries";

/** The review stage an API token acts at: registrar tokens decide finally, college tokens review first. */
export function stageOf(actor: ApiActor): Stage {
  return can(actor, "correction.registrarReview") ? "registrar" : "college";
}

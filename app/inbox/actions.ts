"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getActor } from "@/lib/auth/current";
import { markRead } from "@/lib/messaging/inbox";

/**
 * 标为已读 for whoever is signed in, student or staff (the chain resolves one of them), and a plain form
 * with no form state: kept as it is.
 */
export async function markNotificationRead(formData: FormData): Promise<void> {
  const actor = await getActor();
  const id = z.string().max(40).safeParse(formData.get("id"));
  if (!actor || actor.kind === "api" || !id.success) return;
  const recipient =
    actor.kind === "student" ? { accountId: actor.accountId } : { staffUserId: actor.staffUserId };
  await markRead(recipient, id.data);
  revalidatePath("/inbox");
}

"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getActor } from "@/lib/auth/current";
import { markRead } from "@/lib/messaging/inbox";

export async function markNotificationRead(formData: FormData): Promise<void> {
  const actor = await getActor();
  const id = z.string().max(40).safeParse(formData.get("id"));
  if (!actor || actor.kind === "api" || !id.success) return;
  const recipient =
    actor.kind === "student" ? { accountId: actor.accountId } : { staffUserId: actor.staffUserId };
  await markRead(recipient, id.data);
  revalidatePath("/inbox");
}

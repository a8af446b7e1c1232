"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { staffAction } from "@/lib/auth/action";
import type { FormState } from "@/lib/core/form-state";
import { wholeForm } from "@/lib/core/whole-form";
import { createCampaign, deleteCampaign, updateCampaign } from "@/lib/campaigns/manage";

const revalidate = () => ["/registrar/campaigns"];

/** The campaign being edited (the edit form carries its id), or null for a new one. */
const editedId = (input: Record<string, unknown>) =>
  typeof input.id === "string" && input.id ? input.id : null;

/** Creates a 自查批次 (the form empties, with a note) or saves an edited one (back to the list). */
export const saveCampaignAction = staffAction(
  "campaign.manage",
  wholeForm,
  (actor, input) => {
    const id = editedId(input);
    return id ? updateCampaign(actor, id, input) : createCampaign(actor, input);
  },
  {
    invalid: "registrar.campaigns.errors.notFound",
    revalidate,
    onOk: (_value, input, { t }): FormState<{ message: string }> => {
      if (editedId(input)) redirect("/registrar/campaigns?saved=1");
      return { status: "success", data: { message: t("registrar.campaigns.created") } };
    },
  },
);

/** Deletes a campaign nobody has used yet. */
export const deleteCampaignAction = staffAction(
  "campaign.manage",
  z.object({ id: z.string().min(1).max(40) }),
  (actor, input) => deleteCampaign(actor, input.id),
  { invalid: "registrar.campaigns.errors.notFound", echo: false, revalidate },
);

"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { staffAction } from "@/lib/auth/action";
import { requestMeta } from "@/lib/core/request-meta";
import { wholeForm } from "@/lib/core/whole-form";
import { createUnit, deleteUnit, renameUnit } from "@/lib/roster-import/organisation";
import { mergeUnits } from "@/lib/roster-import/organisation-merge";

const revalidate = () => ["/registrar/organisation"];
const invalid = "registrar.organisation.errors.notFound";

export const renameUnitAction = staffAction("roster.import", wholeForm, renameUnit, { invalid, revalidate });

export const createUnitAction = staffAction("roster.import", wholeForm, createUnit, { invalid, revalidate });

export const deleteUnitAction = staffAction("roster.import", wholeForm, deleteUnit, {
  invalid,
  revalidate,
  echo: false,
});

const mergeForm = z.object({
  confirm: z.literal("yes"),
  kind: z.string().default(""),
  sourceId: z.string().default(""),
  targetId: z.string().default(""),
  // the record count the registrar saw in the preview; anything but a whole number never matches
  expectedRecords: z.preprocess((v) => v ?? "", z.coerce.number().int()).catch(-1),
});

/** Merges one unit into another after the registrar confirmed the preview; back to the tree, merged marked. */
export const mergeUnitAction = staffAction(
  "roster.import",
  mergeForm,
  async (actor, { expectedRecords, kind, sourceId, targetId }) =>
    mergeUnits(actor, { kind, sourceId, targetId }, expectedRecords, await requestMeta()),
  {
    invalid,
    atField: { confirm: "registrar.organisation.merge.errors.confirm" },
    echo: false,
    revalidate,
    onOk: (merged) => redirect(`/registrar/organisation?merged=${encodeURIComponent(merged.target.id)}`),
  },
);

"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { staffAction } from "@/lib/auth/action";
import {
  confirmGraduationLock,
  previewGraduationLock,
  undoGraduationLock,
} from "@/lib/roster-import/graduation-lock";

const jobPage = (_: unknown, input: { jobId: string }) =>
  redirect(`/registrar/graduation-lock/${input.jobId}`);

/** Upload → the list of who would be locked (nothing locked yet). */
export const graduationLockAction = staffAction(
  "graduationLock.manage",
  z.object({ file: z.instanceof(File).refine((file) => file.size > 0) }),
  async (actor, { file }) =>
    previewGraduationLock(actor, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }),
  {
    invalid: "import.upload.required",
    atField: { file: "import.upload.required" },
    echo: false,
    errorAt: "file",
    onOk: (preview) => redirect(`/registrar/graduation-lock/${preview.jobId}`),
  },
);

const confirmed = z.object({ jobId: z.string().min(1).max(40), confirm: z.literal("yes") });
const confirmOptions = {
  invalid: "import.errors.notFound",
  atField: { confirm: "import.graduation.errors.confirmRequired" },
  echo: false,
  onOk: jobPage,
};

/** Locks the listed students (after the registrar ticked that they checked the list). */
export const confirmGraduationLockAction = staffAction(
  "graduationLock.manage",
  confirmed,
  (actor, input) => confirmGraduationLock(actor, input.jobId),
  confirmOptions,
);

/** Unlocks the students a lock job locked. */
export const undoGraduationLockAction = staffAction(
  "graduationLock.manage",
  confirmed,
  (actor, input) => undoGraduationLock(actor, input.jobId),
  confirmOptions,
);

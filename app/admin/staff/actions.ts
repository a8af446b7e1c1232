"use server";

import { z } from "zod";
import { text } from "@/lib/core/form-fields";
import { staffAction } from "@/lib/auth/action";
import { formFields, formValuesWithLists } from "@/lib/core/form-state";
import { requestMeta } from "@/lib/core/request-meta";
import type { CreatedStaff } from "@/lib/admin/form-states";
import {
  createStaff,
  resetStaffPassword,
  setStaffDisabled,
  updateStaffAccess,
} from "@/lib/admin/staff-accounts";
import { setStaffUnitLimit } from "@/lib/admin/staff-scope";

const id = z.string().min(1).max(40);
const list = z.array(z.string());

/** Shape only: the services check the values. Roles and colleges are checkbox groups (repeated keys). */
const ACCESS_LISTS = ["roles", "collegeIds"];
const access = { displayName: text(2000), roles: list, collegeIds: list };
const accessEcho = (formData: FormData) => formValuesWithLists(formData, ACCESS_LISTS, ["password"]);

export const createStaffAction = staffAction(
  "staff.manage",
  z.object({ ...access, username: text(2000), password: text(4096) }),
  async (actor, input) => createStaff(actor, input, await requestMeta()),
  {
    invalid: "admin.errors.invalid",
    read: (formData) => formFields(formData, ACCESS_LISTS),
    echo: accessEcho,
    revalidate: () => ["/admin/staff"],
    onOk: ({ username, initialPassword }) => ({
      status: "success" as const,
      data: { username, initialPassword } satisfies CreatedStaff,
    }),
  },
);

export const updateStaffAction = staffAction(
  "staff.manage",
  z.object({ id, ...access }),
  async (actor, { id: staffId, ...input }) => updateStaffAccess(actor, staffId, input, await requestMeta()),
  {
    invalid: "admin.errors.notFound",
    read: (formData) => formFields(formData, ACCESS_LISTS),
    echo: accessEcho,
    revalidate: (input) => [`/admin/staff/${input.id}`, "/admin/staff"],
    onOk: (value) => ({ status: "success" as const, data: value }),
  },
);

export const setStaffDisabledAction = staffAction(
  "staff.manage",
  z.object({ id, disabled: z.string().optional() }),
  async (actor, input) => setStaffDisabled(actor, input.id, input.disabled === "1", await requestMeta()),
  {
    invalid: "admin.errors.notFound",
    echo: false,
    revalidate: (input) => [`/admin/staff/${input.id}`, "/admin/staff"],
  },
);

export const resetStaffPasswordAction = staffAction(
  "staff.manage",
  z.object({ id, password: text(4096) }),
  async (actor, input) =>
    resetStaffPassword(actor, input.id, { password: input.password }, await requestMeta()),
  {
    invalid: "admin.errors.notFound",
    echo: false,
    revalidate: (input) => [`/admin/staff/${input.id}`],
    onOk: (value) => ({ status: "success" as const, data: value }),
  },
);

export const setStaffScopeAction = staffAction(
  "staff.manage",
  z.object({ id, collegeId: text(2000), mode: text(2000), classGroupIds: list, cohort: text(2000) }),
  async (actor, { id: staffId, ...input }) => setStaffUnitLimit(actor, staffId, input, await requestMeta()),
  {
    invalid: "admin.errors.notFound",
    read: (formData) => formFields(formData, ["classGroupIds"]),
    echo: (formData) => formValuesWithLists(formData, ["classGroupIds"]),
    revalidate: (input) => [`/admin/staff/${input.id}`],
  },
);

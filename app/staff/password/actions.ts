"use server";

import { z } from "zod";
import { text } from "@/lib/core/form-fields";
import { staffAction } from "@/lib/auth/action";
import { requestMeta } from "@/lib/core/request-meta";
import { changeOwnPassword } from "@/lib/staff/change-password";

/** Any staff member's own password; the one form open while a password change is due. */
export const changeOwnPasswordAction = staffAction(
  null,
  z.object({ currentPassword: text(4096), newPassword: text(4096), confirmPassword: text(4096) }),
  async (actor, input) => changeOwnPassword(actor, input, await requestMeta()),
  { invalid: "admin.errors.invalid", echo: false, allowPasswordChange: true },
);

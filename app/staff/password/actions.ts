"use server";

import { z } from "zod";
import { staffAction } from "@/lib/auth/action";
import { requestMeta } from "@/lib/core/request-meta";
import { changeOwnPassword } from "@/lib/staff/change-password";

const text = z.string().default("");

/** Any staff member's own password; the one form open while a password change is due. */
export const changeOwnPasswordAction = staffAction(
  null,
  z.object({ currentPassword: text, newPassword: text, confirmPassword: text }),
  async (actor, input) => changeOwnPassword(actor, input, await requestMeta()),
  { invalid: "admin.errors.invalid", echo: false, allowPasswordChange: true },
);

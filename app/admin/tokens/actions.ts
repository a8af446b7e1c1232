"use server";

import { z } from "zod";
import { text } from "@/lib/core/form-fields";
import { staffAction, withoutState } from "@/lib/auth/action";
import { formFields, formValuesWithLists } from "@/lib/core/form-state";
import { requestMeta } from "@/lib/core/request-meta";
import type { CreatedToken } from "@/lib/admin/form-states";
import { createApiToken, revokeApiToken } from "@/lib/admin/api-tokens";

const id = z.string().min(1).max(40);

/** Shape only: the service checks the values. */
const createSchema = z.object({
  name: text(2000),
  role: text(2000),
  collegeIds: z.array(z.string()),
  expiresInDays: text(2000),
  access: text(2000),
});

export const createApiTokenAction = staffAction(
  "apiToken.manage",
  createSchema,
  async (actor, input) => createApiToken(actor, input, await requestMeta()),
  {
    invalid: "admin.errors.invalid",
    read: (formData) => formFields(formData, ["collegeIds"]),
    echo: (formData) => formValuesWithLists(formData, ["collegeIds"]),
    revalidate: () => ["/admin/tokens"],
    onOk: (value, input) => ({
      status: "success" as const,
      data: { name: input.name.trim(), token: value.token } satisfies CreatedToken,
    }),
  },
);

export const revokeApiTokenAction = withoutState(
  staffAction(
    "apiToken.manage",
    z.object({ id }),
    async (actor, input) => revokeApiToken(actor, input.id, await requestMeta()),
    { invalid: "admin.errors.notFound", revalidate: () => ["/admin/tokens"] },
  ),
);

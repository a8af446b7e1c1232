"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { text } from "@/lib/core/form-fields";
import { staffAction, withoutState } from "@/lib/auth/action";
import type { FormState } from "@/lib/core/form-state";
import { requestMeta } from "@/lib/core/request-meta";
import { fieldFail } from "@/lib/core/result";
import type { ConnectionReport } from "@/lib/external-sign-in/connection-report";
import { testProviderConnection } from "@/lib/external-sign-in/connection-test";
import { createProvider, deleteProvider, updateProvider } from "@/lib/external-sign-in/providers";
import { linkStaff, unlinkStaff } from "@/lib/external-sign-in/staff-links";

const id = z.string().min(1).max(40);

/** Shape only: the service checks the values. A form without a (sane) id adds a provider. */
const providerSchema = z.object({
  id: id.optional().catch(undefined),
  slug: text(2000),
  nameZh: text(2000),
  nameEn: text(2000),
  issuer: text(2000),
  clientId: text(2000),
  audience: text(2000),
  staffClaim: text(2000),
  staffPasswordDisabled: text(2000),
  enabled: text(2000),
});

/** Adds a provider (then opens its page, which shows the redirect URI to register) or saves changes. */
export const saveProviderAction = staffAction(
  "settings.manage",
  providerSchema,
  async (actor, { id: existing, ...input }) => {
    const meta = await requestMeta();
    return existing ? updateProvider(actor, existing, input, meta) : createProvider(actor, input, meta);
  },
  {
    invalid: "admin.errors.invalid",
    revalidate: () => ["/admin/sign-in-providers"],
    onOk: (value, input) => {
      if (!input.id) redirect(`/admin/sign-in-providers/${value.id}?created=1`);
      return { status: "success" };
    },
  },
);

/** 测试连接: discovery and JWKS, reported line by line in the admin's language. */
export const testConnectionAction = staffAction(
  "settings.manage",
  z.object({ id }),
  async (actor, input) => testProviderConnection(actor, input.id),
  {
    invalid: "sso.admin.errors.notFound",
    echo: false,
    onOk: (value, _input, { t }): FormState<ConnectionReport> => ({
      status: value.ok ? "success" : "error",
      data: {
        ok: value.ok,
        lines: value.checks.map((c) => ({ ok: c.ok, text: t(`sso.test.${c.key}`, c.params) })),
      },
    }),
  },
);

/** Deletes a provider once the admin ticked the confirmation (its bindings and links go with it). */
export const deleteProviderAction = staffAction(
  "settings.manage",
  z.object({ id, confirm: z.string().optional() }),
  async (actor, input) =>
    input.confirm === "on"
      ? deleteProvider(actor, input.id, await requestMeta())
      : fieldFail({ confirm: { key: "sso.admin.errors.confirm" } }),
  {
    invalid: "sso.admin.errors.notFound",
    echo: false,
    revalidate: () => ["/admin/sign-in-providers"],
    onOk: () => redirect("/admin/sign-in-providers?deleted=1"),
  },
);

/** /admin/staff/[id]: links a staff account to a provider by subject or by the mapped claim's value. */
export const linkStaffAction = staffAction(
  "staff.manage",
  z.object({ staffUserId: id, providerId: text(2000), subject: text(2000), claimValue: text(2000) }),
  async (actor, { staffUserId, ...input }) => linkStaff(actor, staffUserId, input, await requestMeta()),
  {
    invalid: "admin.errors.notFound",
    revalidate: (input) => [`/admin/staff/${input.staffUserId}`],
  },
);

export const unlinkStaffAction = withoutState(
  staffAction(
    "staff.manage",
    z.object({ staffUserId: id, linkId: id }),
    async (actor, input) => unlinkStaff(actor, input.staffUserId, input.linkId, await requestMeta()),
    { invalid: "admin.errors.notFound", revalidate: (input) => [`/admin/staff/${input.staffUserId}`] },
  ),
);

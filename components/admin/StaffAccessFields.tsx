"use client";

import { useTranslations } from "next-intl";
import { STAFF_ROLES } from "@/lib/auth/actor";
import { CheckboxGroup } from "./CheckboxGroup";

export type CollegeOption = { id: string; code: string; name: string };

/** Roles (several allowed) and the college scopes the college role needs. */
export function StaffAccessFields({
  colleges,
  roles,
  collegeIds,
  errors,
}: {
  colleges: CollegeOption[];
  roles: string[];
  collegeIds: string[];
  errors?: Record<string, string>;
}) {
  const t = useTranslations("admin.staff");
  const tc = useTranslations("common.roles");
  return (
    <>
      <CheckboxGroup
        id="roles"
        name="roles"
        legend={t("fields.roles")}
        hint={t("fields.rolesHint")}
        checked={roles}
        error={errors?.roles}
        options={STAFF_ROLES.map((role) => ({ value: role, label: tc(role), hint: t(`roleHints.${role}`) }))}
      />
      <CheckboxGroup
        id="collegeIds"
        name="collegeIds"
        legend={t("fields.colleges")}
        hint={t("fields.collegesHint")}
        checked={collegeIds}
        error={errors?.collegeIds}
        columns={3}
        options={colleges.map((c) => ({ value: c.id, label: c.name, hint: c.code }))}
      />
    </>
  );
}

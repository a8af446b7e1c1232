"use server";

import { z } from "zod";
import { studentAction } from "@/lib/auth/action";
import type { FormState } from "@/lib/core/form-state";
import { formatDateTime } from "@/lib/i18n/format";
import { requestBinding } from "@/lib/records/binding";
import type { BindingData, ConfirmData } from "@/lib/records/form-states";
import { confirmRecord } from "@/lib/records/self-check";

/** 确认无误: the form posts the record id and the version it displayed. */
export const confirmAction = studentAction(
  z.object({ recordId: z.string().min(1).max(40), version: z.coerce.number().int().min(1) }),
  confirmRecord,
  {
    next: "/record",
    invalid: "record.errors.invalid",
    echo: false,
    revalidate: () => ["/record"],
    onOk: (value): FormState<ConfirmData> => ({
      status: "success",
      data: { confirmedAt: formatDateTime(value.confirmedAt) },
    }),
  },
);

/** 尝试绑定学籍: 学号 + 姓名 + 证件号码. */
export const bindingAction = studentAction(
  z.object({ studentNumber: z.string().max(64), name: z.string().max(100), idNumber: z.string().max(64) }),
  requestBinding,
  {
    next: "/record",
    invalid: "record.errors.invalid",
    revalidate: () => ["/record"],
    onOk: (value): FormState<BindingData> => ({ status: "success", data: { outcome: value.status } }),
  },
);

"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { requireStaff } from "@/lib/auth/current";
import { formError, type FormState } from "@/lib/core/form-state";
import { requestMeta } from "@/lib/core/request-meta";
import {
  createStaffBulk,
  previewStaffFile,
  type BulkPreview,
  type CreatedAccount,
} from "@/lib/admin/staff-bulk";

/** A preview row as the page shows it: the errors already in the reader's language. */
export type PreviewRow = Omit<BulkPreview["rows"][number], "errors"> & {
  errors: { field: string; message: string }[];
};
export type BulkState = { fileName: string; rows: PreviewRow[]; errorRows: number };

async function translated(preview: BulkPreview): Promise<PreviewRow[]> {
  const t = await getTranslations();
  return preview.rows.map((r) => ({
    ...r,
    errors: r.errors.map((e) => ({ field: e.field, message: t(e.key) })),
  }));
}

export async function previewStaffFileAction(
  _prev: FormState<BulkState>,
  formData: FormData,
): Promise<FormState<BulkState>> {
  const actor = await requireStaff("staff.manage");
  const t = await getTranslations();
  const file = formData.get("file");
  if (!(file instanceof File) || file.size === 0)
    return { status: "error", fieldErrors: { file: t("admin.bulk.errors.fileRequired") } };
  const result = await previewStaffFile(actor, {
    name: file.name,
    bytes: new Uint8Array(await file.arrayBuffer()),
  });
  if (!result.ok)
    return {
      status: "error",
      fieldErrors: { file: t(result.error?.key ?? "admin.errors.invalid", result.error?.params) },
    };
  return {
    status: "success",
    data: { fileName: file.name, rows: await translated(result.value), errorRows: result.value.errorRows },
  };
}

export type BulkCreated = { accounts: CreatedAccount[]; preview?: BulkState };

export async function createStaffBulkAction(
  _prev: FormState<BulkCreated>,
  formData: FormData,
): Promise<FormState<BulkCreated>> {
  const actor = await requireStaff("staff.manage");
  const t = await getTranslations();
  if (formData.get("confirm") !== "yes")
    return { status: "error", fieldErrors: { confirm: t("admin.bulk.errors.confirm") } };
  let rows: unknown;
  try {
    rows = JSON.parse(String(formData.get("rows") ?? ""));
  } catch {
    rows = null;
  }
  const fileName = String(formData.get("fileName") ?? "").slice(0, 200);
  const result = await createStaffBulk(actor, rows, { ...(await requestMeta()), fileName });
  if (!result.ok) {
    const state = formError<BulkCreated>(t, result);
    if (result.preview)
      state.data = {
        accounts: [],
        preview: { fileName, rows: await translated(result.preview), errorRows: result.preview.errorRows },
      };
    return state;
  }
  revalidatePath("/admin/staff");
  return { status: "success", data: { accounts: result.value.accounts } };
}

"use server";

import { z } from "zod";
import { staffAction } from "@/lib/auth/action";
import type { FormState } from "@/lib/core/form-state";
import type { Failure } from "@/lib/core/result";
import { requestMeta } from "@/lib/core/request-meta";
import type { BulkCreated, BulkState, PreviewRow } from "@/lib/admin/form-states";
import { createStaffBulk, previewStaffFile, type BulkPreview } from "@/lib/admin/staff-bulk";

type Translate = (key: string) => string;

function translated(preview: BulkPreview, t: Translate): PreviewRow[] {
  return preview.rows.map((r) => ({
    ...r,
    errors: r.errors.map((e) => ({ field: e.field, message: t(e.key) })),
  }));
}

const fileRequired = "admin.bulk.errors.fileRequired";

/** Reads the uploaded file into the preview (nothing written); a refusal shows at the file field. */
export const previewStaffFileAction = staffAction(
  "staff.manage",
  z.object({ file: z.instanceof(File).refine((file) => file.size > 0) }),
  async (actor, { file }) =>
    previewStaffFile(actor, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }),
  {
    invalid: { fields: { file: fileRequired }, fallback: fileRequired },
    echo: false,
    onOk: (value, input, { t }): FormState<BulkState> => ({
      status: "success",
      data: {
        fileName: input.file.name,
        rows: translated(value, t),
        errorRows: value.errorRows,
      },
    }),
    onFail: (_state, failure, { t }) => ({
      status: "error",
      fieldErrors: { file: t(failure.error?.key ?? "admin.errors.invalid", failure.error?.params) },
    }),
  },
);

/** createStaffBulk's refusal brings the checked rows back when some are in error. */
const previewOf = (failure: Failure & { preview?: BulkPreview }) => failure.preview;

function parsedRows(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return null;
  }
}

/** Creates every account of the previewed rows once confirmed; with any row in error the preview comes back. */
export const createStaffBulkAction = staffAction(
  "staff.manage",
  z.object({ confirm: z.literal("yes"), rows: z.string().default(""), fileName: z.string().default("") }),
  async (actor, input) =>
    createStaffBulk(actor, parsedRows(input.rows), {
      ...(await requestMeta()),
      fileName: input.fileName.slice(0, 200),
    }),
  {
    invalid: { fields: { confirm: "admin.bulk.errors.confirm" }, fallback: "admin.bulk.errors.confirm" },
    echo: false,
    revalidate: () => ["/admin/staff"],
    onOk: (value): FormState<BulkCreated> => ({
      status: "success",
      data: { accounts: value.accounts },
    }),
    onFail: (state, failure, { t, input }): FormState<BulkCreated> => {
      const preview = previewOf(failure);
      if (!preview || !input) return state;
      const fileName = input.fileName.slice(0, 200);
      return {
        ...state,
        data: {
          accounts: [],
          preview: { fileName, rows: translated(preview, t), errorRows: preview.errorRows },
        },
      };
    },
  },
);

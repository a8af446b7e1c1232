"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { createStaffBulkAction, previewStaffFileAction } from "@/app/admin/staff/import/actions";
import type { BulkCreated, BulkState } from "@/lib/admin/form-states";
import type { FormState } from "@/lib/core/form-state";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { FileInput } from "@/components/ui/FileInput";
import { FormAlert } from "@/components/ui/FormAlert";
import { SignInAgainLink } from "@/components/ui/SignInAgainLink";

const idlePreview: FormState<BulkState> = { status: "idle" };
const idleCreate: FormState<BulkCreated> = { status: "idle" };

/** A spreadsheet cell never starts a formula (=, +, -, @): the file is opened in Excel. */
const csvCell = (v: string) => `"${(/^[=+\-@\t\r]/.test(v) ? `'${v}` : v).replaceAll('"', '""')}"`;

/** Upload → preview with errors at each row → confirm → one-time passwords, shown and downloadable once. */
export function StaffBulkImport() {
  const t = useTranslations("admin.bulk");
  const tr = useTranslations("common.roles");
  const [preview, uploadAction, uploading] = useActionState(previewStaffFileAction, idlePreview);
  const [created, createAction, creating] = useActionState(createStaffBulkAction, idleCreate);
  const [downloaded, setDownloaded] = useState(false);

  const accounts = created.status === "success" ? created.data?.accounts : undefined;
  if (accounts) {
    const download = () => {
      const lines = [
        [t("columns.username"), t("columns.displayName"), t("columns.password")].map(csvCell).join(","),
        ...accounts.map((a) => [a.username, a.displayName, a.password].map(csvCell).join(",")),
      ];
      const blob = new Blob([`\uFEFF${lines.join("\r\n")}\r\n`], { type: "text/csv;charset=utf-8" });
      const url = URL.createObjectURL(blob);
      const link = document.createElement("a");
      link.href = url;
      link.download = "staff-passwords.csv";
      link.click();
      URL.revokeObjectURL(url);
      setDownloaded(true);
    };
    return (
      <div className="space-y-4" data-testid="bulk-created">
        <Alert tone="success">{t("created", { count: accounts.length })}</Alert>
        <div className="rounded-lg bg-amber-50 p-4 ring-1 ring-inset ring-amber-300">
          <p className="text-sm font-semibold text-amber-950">{t("once")}</p>
          <Button type="button" className="mt-3" onClick={download} disabled={downloaded}>
            {downloaded ? t("downloaded") : t("download")}
          </Button>
        </div>
        <div className="overflow-x-auto">
          <table className="min-w-full text-sm">
            <thead>
              <tr className="text-left text-slate-600">
                <th className="py-2 pr-4">{t("columns.username")}</th>
                <th className="py-2 pr-4">{t("columns.displayName")}</th>
                <th className="py-2 pr-4">{t("columns.password")}</th>
              </tr>
            </thead>
            <tbody>
              {accounts.map((a) => (
                <tr key={a.username} className="border-t border-slate-200">
                  <td className="py-2 pr-4 font-mono">{a.username}</td>
                  <td className="whitespace-nowrap py-2 pr-4">{a.displayName}</td>
                  <td className="select-all py-2 pr-4 font-mono">{a.password}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    );
  }

  const state = created.data?.preview ?? (preview.status === "success" ? preview.data : undefined);
  const fileError = preview.fieldErrors?.file;
  return (
    <div className="space-y-6">
      <form action={uploadAction} className="space-y-3" noValidate>
        <label htmlFor="bulk-file" className="block text-sm font-medium text-slate-800">
          {t("file")}
        </label>
        <p id="bulk-file-hint" className="text-xs text-slate-600">
          {t("fileHint")}
        </p>
        <FileInput
          id="bulk-file"
          name="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          invalid={Boolean(fileError)}
          aria-describedby={fileError ? "bulk-file-error bulk-file-hint" : "bulk-file-hint"}
        />
        {fileError ? (
          <p id="bulk-file-error" role="alert" className="text-sm text-red-700">
            {fileError}
            <SignInAgainLink signIn={preview.signIn} then />
          </p>
        ) : null}
        <Button type="submit" disabled={uploading}>
          {t("upload")}
        </Button>
      </form>

      {state ? (
        <section aria-labelledby="bulk-preview-heading" className="space-y-3">
          <h2 id="bulk-preview-heading" className="text-lg font-semibold">
            {t("previewTitle", { file: state.fileName, count: state.rows.length })}
          </h2>
          {state.errorRows ? (
            <Alert tone="error">{t("hasErrors", { count: state.errorRows })}</Alert>
          ) : (
            <Alert tone="info">{t("allValid", { count: state.rows.length })}</Alert>
          )}
          <FormAlert state={created} />
          <div className="overflow-x-auto">
            <table className="min-w-full text-sm" data-testid="bulk-preview">
              <thead>
                <tr className="text-left text-slate-600">
                  <th className="py-2 pr-3">{t("columns.row")}</th>
                  <th className="py-2 pr-3">{t("columns.username")}</th>
                  <th className="py-2 pr-3">{t("columns.displayName")}</th>
                  <th className="py-2 pr-3">{t("columns.roles")}</th>
                  <th className="py-2 pr-3">{t("columns.colleges")}</th>
                  <th className="py-2 pr-3">{t("columns.problems")}</th>
                </tr>
              </thead>
              <tbody>
                {state.rows.map((r) => (
                  <tr
                    key={r.rowNumber}
                    className={
                      r.errors.length ? "border-t border-red-200 bg-red-50" : "border-t border-slate-200"
                    }
                  >
                    <td className="py-2 pr-3 tabular-nums">{r.rowNumber}</td>
                    <td className="py-2 pr-3 font-mono">{r.username}</td>
                    <td className="py-2 pr-3">{r.displayName}</td>
                    <td className="py-2 pr-3">
                      {r.roles
                        .map((x) => (["college", "registrar", "support", "admin"].includes(x) ? tr(x) : x))
                        .join("、")}
                    </td>
                    <td className="py-2 pr-3">{r.colleges.join("、")}</td>
                    <td className="py-2 pr-3 text-red-800">
                      {r.errors.length ? (
                        <ul>
                          {r.errors.map((e) => (
                            <li key={e.field}>{e.message}</li>
                          ))}
                        </ul>
                      ) : (
                        <span className="text-emerald-800">{t("ok")}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {state.errorRows ? null : (
            <form action={createAction} className="space-y-3" data-testid="bulk-confirm">
              <input
                type="hidden"
                name="rows"
                value={JSON.stringify(
                  state.rows.map(({ rowNumber, username, displayName, roles, colleges }) => ({
                    rowNumber,
                    username,
                    displayName,
                    roles,
                    colleges,
                  })),
                )}
              />
              <input type="hidden" name="fileName" value={state.fileName} />
              <label className="flex items-start gap-2 text-sm text-slate-800">
                <input
                  type="checkbox"
                  id="bulk-confirm-box"
                  name="confirm"
                  value="yes"
                  required
                  aria-invalid={created.fieldErrors?.confirm ? true : undefined}
                  className="mt-0.5 h-5 w-5 shrink-0 rounded border-slate-400"
                />
                <span>{t("statement", { count: state.rows.length })}</span>
              </label>
              {created.fieldErrors?.confirm ? (
                <p role="alert" className="text-sm text-red-700">
                  {created.fieldErrors.confirm}
                </p>
              ) : null}
              <Button type="submit" disabled={creating}>
                {t("create", { count: state.rows.length })}
              </Button>
            </form>
          )}
        </section>
      ) : null}
    </div>
  );
}

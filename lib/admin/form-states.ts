import type { BulkPreview, CreatedAccount } from "./staff-bulk";

/** What the staff-account forms show after their actions answered (the forms get the actions as props). */
export type CreatedStaff = { username: string; initialPassword: string | null };
export type CreatedToken = { name: string; token: string };

/** A preview row of 批量创建 as the page shows it: the errors already in the reader's language. */
export type PreviewRow = Omit<BulkPreview["rows"][number], "errors"> & {
  errors: { field: string; message: string }[];
};
export type BulkState = { fileName: string; rows: PreviewRow[]; errorRows: number };
export type BulkCreated = { accounts: CreatedAccount[]; preview?: BulkState };

import type { ReminderPreview, ReminderReport } from "./send";

/** Where 发送提醒 stands: nothing yet, previewed (nothing written) or sent. */
export type RemindStep =
  { step: "idle" } | { step: "preview"; preview: ReminderPreview } | { step: "sent"; report: ReminderReport };

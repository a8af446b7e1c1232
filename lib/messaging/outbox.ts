import type { MessageProvider } from "./types";

/** Stores nothing itself: messages are kept in OutboundMessage by send.ts, visible at /admin/outbox. */
export const outboxProvider: MessageProvider = {
  name: "outbox",
  async send() {},
};

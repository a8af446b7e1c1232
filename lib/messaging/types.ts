export type Channel = "sms" | "email";

export type OutgoingMessage = {
  channel: Channel;
  to: string;
  subject?: string;
  body: string;
  /** the one-time code inside the body, if any (kept by the outbox provider for development tests) */
  code?: string;
};

/** An SMS or e-mail provider. `send` throws on failure; the caller records the outcome. */
export interface MessageProvider {
  readonly name: string;
  send(message: OutgoingMessage): Promise<void>;
}

import type { FailureKind, Message } from "./message";

/**
 * The one expected refusal a service throws from deep inside (usually a transaction, so throwing rolls
 * it back): it carries a kind, a message key with its parameters and, for a form, the field it belongs
 * to. The service catches it at its edge and returns `refusal.result`; anything else thrown is a bug.
 */
export class Refused extends Error {
  constructor(
    readonly kind: FailureKind,
    readonly key: string,
    readonly params?: Message["params"],
    readonly field?: string,
  ) {
    super(key);
    this.name = "Refused";
  }

  /** The failed Result this refusal stands for (at the field when it has one). */
  get result(): { ok: false; kind: FailureKind; error?: Message; fieldErrors?: Record<string, Message> } {
    const message: Message = this.params ? { key: this.key, params: this.params } : { key: this.key };
    return this.field
      ? { ok: false, kind: this.kind, fieldErrors: { [this.field]: message } }
      : { ok: false, kind: this.kind, error: message };
  }
}

/** The actor may not do this (assertCan): pages answer with forbidden(), the API with 403. */
export class AuthorizationError extends Refused {
  constructor() {
    super("forbidden", "common.forbidden.title");
    this.name = "AuthorizationError";
    this.message = "not authorised";
  }
}

/** Nothing the actor may see by that id: pages answer with notFound(), the API with 404. */
export class NotFoundError extends Refused {
  constructor() {
    super("notFound", "common.notFound.title");
    this.name = "NotFoundError";
    this.message = "not found";
  }
}

import type { Message } from "@/lib/core/result";

/**
 * An expected refusal raised inside a transaction (lost race, conflict): throwing rolls the transaction
 * back, and the service turns it into a normal failed Result for the caller.
 */
export class Refused extends Error {
  constructor(readonly result: { ok: false; error: Message }) {
    super(result.error.key);
  }

  static with(key: string, params?: Message["params"]): Refused {
    return new Refused({ ok: false, error: { key, params } });
  }
}

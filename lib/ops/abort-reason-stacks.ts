/**
 * Keeps a served render from holding the renders before it in memory (scripts/serve.ts installs it once,
 * before Next loads).
 *
 * At the end of every render React aborts the render's AbortController with an Error, which the render's
 * state keeps. Until something reads its `stack`, V8 keeps that Error's stack as call-site records,
 * including each frame's receiver; React renders in setImmediate callbacks, so one receiver is the
 * Immediate the render was running in. Node.js does not unlink an Immediate from the others of its batch
 * after running it, and each Immediate holds the AsyncLocalStorage stores of the request that queued it.
 * Under steady load every render thus reached, through its abort reason, the Immediates and the stores —
 * whole renders, requests and responses — of the renders before it: the served app's heap grew by about
 * 100 KB a request and, at its 384 MB limit, ran out of memory after a few thousand pages
 * (nodejs/node#66129). Reading the reason's `stack` once turns the records into a string, and the chain
 * is cut.
 */
const INSTALLED = Symbol.for("xueji.abortReasonStacks");

export function formatAbortReasonStacks(): void {
  const proto = AbortController.prototype as AbortController & { [INSTALLED]?: true };
  if (proto[INSTALLED]) return;
  const abort = proto.abort;
  Object.defineProperty(proto, "abort", {
    configurable: true,
    writable: true,
    value: function abortAndFormatReason(this: AbortController, reason?: unknown): void {
      abort.call(this, reason);
      const kept: unknown = this.signal.reason;
      if (kept instanceof Error) void kept.stack;
    },
  });
  Object.defineProperty(proto, INSTALLED, { value: true });
}

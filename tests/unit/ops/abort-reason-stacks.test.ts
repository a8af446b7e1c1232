import { AsyncLocalStorage } from "node:async_hooks";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { formatAbortReasonStacks } from "@/lib/ops/abort-reason-stacks";

setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;

/**
 * What a served render does, in small: 40 requests each queue an Immediate inside their own
 * AsyncLocalStorage store (a render's state); the last callback of the batch aborts an AbortController with
 * an Error, as React does at the end of a render, and that controller outlives the batch (the render's
 * state keeps it). Answers how many of the 40 stores are still in memory after garbage collection.
 */
async function storesKeptByOneAbortReason(): Promise<number> {
  const storage = new AsyncLocalStorage<{ render: object }>();
  const renders: WeakRef<object>[] = [];
  const kept: AbortController[] = [];
  await new Promise<void>((resolve) => {
    const count = 40;
    let ran = 0;
    for (let i = 0; i < count; i++) {
      const render = { request: i, html: "x".repeat(1_000) + i };
      renders.push(new WeakRef(render));
      storage.run({ render }, () =>
        setImmediate(() => {
          if (++ran < count) return;
          const controller = new AbortController();
          controller.abort(new Error("This render completed successfully."));
          kept.push(controller);
          setTimeout(resolve, 5);
        }),
      );
    }
  });
  for (let i = 0; i < 3; i++) {
    collectGarbage();
    await new Promise((r) => setTimeout(r, 5)); // WeakRefs are cleared between jobs
  }
  expect(kept[0].signal.reason).toBeInstanceOf(Error);
  return renders.filter((r) => r.deref() !== undefined).length;
}

describe("abort reasons and the renders before them", () => {
  it("without the fix, one kept abort reason keeps every store of its batch (Node's behaviour here)", async () => {
    expect(await storesKeptByOneAbortReason()).toBeGreaterThanOrEqual(35);
  });

  it("with the fix, the abort reason keeps none of them, and still carries its message and stack", async () => {
    formatAbortReasonStacks();
    formatAbortReasonStacks(); // installing twice changes nothing
    expect(await storesKeptByOneAbortReason()).toBeLessThanOrEqual(1);
    const controller = new AbortController();
    controller.abort(new Error("done"));
    const reason = controller.signal.reason as Error;
    expect(reason.message).toBe("done");
    expect(reason.stack).toContain("abort-reason-stacks.test.ts");
    const plain = new AbortController();
    plain.abort();
    expect((plain.signal.reason as Error).name).toBe("AbortError");
    expect(plain.signal.aborted).toBe(true);
  });
});

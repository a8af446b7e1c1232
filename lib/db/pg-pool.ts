import { Client, Pool, type PoolConfig } from "pg";
import { noteDatabaseError } from "./availability";
import { withinStatementLimit } from "./pg-statements";

type Callback = (err: Error | null, ...rest: unknown[]) => void;

/**
 * A pg client that reports connection-level failures (refused, terminated by a server restart) to
 * ./availability.ts, whichever way pg is called (promise or callback, as the pool itself does), and keeps
 * the number of named statements on its connection bounded (./pg-statements.ts).
 */
class WatchedClient extends Client {
  /** Settles when the last promise-form query sent through this client has settled. */
  #tail: Promise<unknown> = Promise.resolve();

  // pg's overloads are many; every form ends in either a callback or a promise, both are watched.
  connect(...args: unknown[]): never {
    return watched(this, Client.prototype.connect, args);
  }
  query(...args: unknown[]): never {
    const send = () => {
      // pg's connection object and its statement bookkeeping are not in its type declarations
      const connection = (this as unknown as { connection?: Parameters<typeof withinStatementLimit>[0] })
        .connection;
      if (args.length > 0) args[0] = withinStatementLimit(connection, args[0]);
      return watched(this, Client.prototype.query, args);
    };
    if (!isPromiseForm(args)) return send();
    // One query at a time: Prisma sends a transaction's independent reads side by side on its one client, and
    // pg's own queue for them is deprecated (pg@9 removes it). Each waits for the one before it to settle.
    const result = this.#tail.then(send, send) as Promise<unknown>;
    this.#tail = result.catch(() => undefined);
    return result as never;
  }
}

/** A query call answered by a promise: no callback and no submittable (a cursor or stream runs by itself). */
function isPromiseForm(args: unknown[]): boolean {
  if (typeof args.at(-1) === "function") return false;
  const config = args[0] as { submit?: unknown } | null | undefined;
  return !(config && typeof config === "object" && typeof config.submit === "function");
}

function watched(self: Client, method: (...a: unknown[]) => unknown, args: unknown[]): never {
  const last = args.at(-1);
  if (typeof last === "function") {
    const callback = last as Callback;
    args[args.length - 1] = (err: Error | null, ...rest: unknown[]) => {
      if (err) noteDatabaseError(err);
      callback(err, ...rest);
    };
  }
  const result = method.apply(self, args);
  // a side branch only: the caller still gets (and handles) the original promise
  if (result instanceof Promise) result.catch(noteDatabaseError);
  return result as never;
}

/**
 * The PostgreSQL pool of the app (Prisma's adapter and the rate limiter's store). A pool without an
 * 'error' listener would end the process when the server restarts and drops an idle connection.
 */
export function createPgPool(config: PoolConfig): Pool {
  const pool = new Pool({ ...config, Client: WatchedClient });
  pool.on("error", noteDatabaseError);
  return pool;
}

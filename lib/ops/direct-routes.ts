import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * Routes the plain HTTP server (scripts/serve.ts) hands straight to the app's own Node handler instead of
 * Next's router: for a hot, small endpoint (a sign-in post) the router, the proxy and the conversion to and
 * from web Request/Response objects cost as much CPU as the work itself. The app registers such a handler
 * when the module that owns the route loads (inside Next's bundle, so it shares the app's modules); until
 * then, and for every other request, Next answers. A registered handler does every check the route would
 * get on the way through Next (origin, body size) itself.
 */
export type DirectRoute = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

const KEY = Symbol.for("xueji.directRoutes");
type Shared = { [KEY]?: Map<string, DirectRoute> };
const routes = () => ((globalThis as Shared)[KEY] ??= new Map());

const keyOf = (method: string, path: string) => `${method} ${path}`;

export function registerDirectRoute(method: "POST", path: string, route: DirectRoute): void {
  routes().set(keyOf(method, path), route);
}

/** The handler registered for exactly this method and path (any query string aside), if any. */
export function directRouteFor(req: IncomingMessage): DirectRoute | undefined {
  const map = routes();
  if (map.size === 0 || !req.url || !req.method) return undefined;
  const q = req.url.indexOf("?");
  return map.get(keyOf(req.method, q === -1 ? req.url : req.url.slice(0, q)));
}

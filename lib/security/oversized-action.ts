import type { IncomingMessage, ServerResponse } from "node:http";
import { bodyRefusal } from "./body-limits";

/**
 * The body limit of server-action posts, judged by scripts/serve.ts from the declared length before Next
 * sees the request. The pages with files (FILE_FORM_PAGES, 26 MB) skip proxy.ts, and past their limit the
 * framework would read the body and then fail with a bare 500; here the post is refused with 413 (411
 * without a length) and nothing of it is kept: what the client still sends is discarded, never buffered.
 * Other pages get the same answer proxy.ts gives them, only earlier.
 *
 * The connection is not closed with the answer: closing a socket with unread bytes makes the kernel send a
 * reset, which can reach the client before it has read the 413, so it sees a broken connection instead of the
 * reason. The rest of the body is read and dropped for up to LINGER_MS (what web servers call a lingering
 * close), then the socket is cut.
 */
const LINGER_MS = 10_000;

export function answerOversizedAction(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== "POST" || !req.headers["next-action"]) return false;
  const headers = new Headers();
  const length = req.headers["content-length"];
  const encoding = req.headers["transfer-encoding"];
  if (typeof length === "string") headers.set("content-length", length);
  if (typeof encoding === "string") headers.set("transfer-encoding", encoding);
  const pathname = (req.url ?? "/").split("?")[0];
  const refusal = bodyRefusal(pathname, headers);
  if (!refusal) return false;
  res.writeHead(refusal.status, { "content-type": "application/json" });
  res.end(JSON.stringify({ error: "request body too large", limitBytes: refusal.limit }));
  req.resume();
  const cut = setTimeout(() => req.socket.destroy(), LINGER_MS);
  cut.unref();
  req.once("end", () => clearTimeout(cut));
  req.once("close", () => clearTimeout(cut));
  return true;
}

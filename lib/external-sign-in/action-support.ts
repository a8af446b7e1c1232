import "server-only";
import { z } from "zod";
import { publicBaseUrl } from "@/lib/accounts/links";
import { requestMeta } from "@/lib/core/request-meta";
import type { Message } from "@/lib/core/result";
import { ensureFlowCookie } from "./flow-cookie";
import { reasonOfKey } from "./failures";
import type { FlowContext } from "./start";

/** What a sign-in button posts: the provider's slug, and for students where to go afterwards. */
export const externalSchema = z.object({
  provider: z.string().trim().min(1).max(40),
  next: z.string().max(200).optional(),
});

/** The request's public origin, this browser's flow value and its address, for starting a flow. */
export async function flowContext(): Promise<FlowContext> {
  const [baseUrl, browserToken, meta] = await Promise.all([
    publicBaseUrl(),
    ensureFlowCookie(),
    requestMeta(),
  ]);
  return { baseUrl, browserToken, ip: meta.ip };
}

/** `sso=<reason>` (and the lock's end or the wait) for the page the person is sent back to. */
export function refusalQuery(error: Message | undefined): string {
  const query = new URLSearchParams({ sso: reasonOfKey(error?.key) });
  const { until, seconds } = error?.params ?? {};
  if (typeof until === "string") query.set("until", until);
  if (typeof seconds === "number") query.set("seconds", String(seconds));
  return query.toString();
}

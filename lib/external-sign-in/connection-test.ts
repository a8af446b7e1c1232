import "server-only";
import * as oidc from "openid-client";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { fail, ok, type Result } from "@/lib/core/result";
import { oidcClientSecret, oidcClientSecretVariable } from "@/lib/env";
import { describeClientError } from "./failures";
import { getProviderForAdmin } from "./providers";
import { isLoopbackHttp } from "./schemas";

const TIMEOUT_SECONDS = 5;

/** One line of the "test connection" report: a message key under sso.test and its parameters. */
export type ConnectionCheck = { key: string; ok: boolean; params?: Record<string, string | number> };

function problemOf(error: unknown): string {
  const text = describeClientError(error);
  if (/TimeoutError|OAUTH_TIMEOUT|fetch failed|ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ECONNRESET/.test(text))
    return "unreachable";
  if (/OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED/.test(text)) return "issuer";
  if (/OAUTH_RESPONSE_IS_NOT_CONFORM/.test(text)) return "status";
  if (/OAUTH_RESPONSE_IS_NOT_JSON|OAUTH_PARSE_ERROR/.test(text)) return "json";
  return "invalid";
}

async function checkJwks(uri: string, insecureAllowed: boolean): Promise<ConnectionCheck> {
  const url = new URL(uri);
  if (url.protocol !== "https:" && !(insecureAllowed && url.protocol === "http:"))
    return { key: "jwks.insecure", ok: false };
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { accept: "application/json" },
      signal: AbortSignal.timeout(TIMEOUT_SECONDS * 1000),
      redirect: "error",
    });
  } catch {
    return { key: "jwks.unreachable", ok: false, params: { url: url.href } };
  }
  if (!response.ok) return { key: "jwks.status", ok: false, params: { status: response.status } };
  const body = (await response.json().catch(() => null)) as { keys?: unknown } | null;
  const keys = Array.isArray(body?.keys) ? (body.keys as { use?: string; kty?: string }[]) : [];
  const signing = keys.filter((k) => (k.use === undefined || k.use === "sig") && typeof k.kty === "string");
  return signing.length > 0
    ? { key: "jwks.ok", ok: true, params: { count: signing.length } }
    : { key: "jwks.empty", ok: false };
}

/**
 * "测试连接": fetches the discovery document (its issuer must be exactly the configured one) and the JWKS,
 * checks what the sign-in needs (authorization code, PKCE S256, signing keys) and whether the client secret
 * is in the environment. Says what is wrong in words the admin can act on; changes nothing.
 */
export async function testProviderConnection(
  actor: Actor,
  id: string,
): Promise<Result<{ ok: boolean; checks: ConnectionCheck[] }>> {
  assertCan(actor, "settings.manage");
  const provider = await getProviderForAdmin(actor, id);
  if (!provider) return fail("sso.admin.errors.notFound");
  const checks: ConnectionCheck[] = [];
  const variable = oidcClientSecretVariable(provider.slug);
  checks.push(
    oidcClientSecret(provider.slug)
      ? { key: "secret.ok", ok: true, params: { variable } }
      : { key: "secret.missing", ok: false, params: { variable } },
  );

  const insecure = isLoopbackHttp(provider.issuer);
  let server: oidc.ServerMetadata;
  try {
    const config = await oidc.discovery(new URL(provider.issuer), provider.clientId, undefined, undefined, {
      timeout: TIMEOUT_SECONDS,
      execute: insecure ? [oidc.allowInsecureRequests] : [],
    });
    server = config.serverMetadata();
  } catch (e) {
    checks.push({ key: `discovery.${problemOf(e)}`, ok: false, params: { issuer: provider.issuer } });
    return ok({ ok: false, checks });
  }
  checks.push({ key: "discovery.ok", ok: true, params: { issuer: server.issuer } });

  const missing = (["authorization_endpoint", "token_endpoint", "jwks_uri"] as const).filter(
    (k) => !server[k],
  );
  checks.push(
    missing.length
      ? { key: "endpoints.missing", ok: false, params: { names: missing.join(", ") } }
      : { key: "endpoints.ok", ok: true },
  );
  const codeFlow = !server.response_types_supported || server.response_types_supported.includes("code");
  checks.push({ key: codeFlow ? "code.ok" : "code.missing", ok: codeFlow });
  const pkce = server.code_challenge_methods_supported;
  checks.push(
    !pkce
      ? { key: "pkce.unlisted", ok: true }
      : pkce.includes("S256")
        ? { key: "pkce.ok", ok: true }
        : { key: "pkce.missing", ok: false },
  );
  if (server.jwks_uri) checks.push(await checkJwks(server.jwks_uri, insecure));
  return ok({ ok: checks.every((c) => c.ok), checks });
}

import "server-only";
import * as oidc from "openid-client";
import { oidcClientSecret } from "@/lib/env";
import { hashSecret } from "@/lib/security/crypto";
import { isLoopbackHttp } from "./schemas";

/** What the client needs to know about a provider. */
export type ProviderEndpoint = { slug: string; issuer: string; clientId: string };

/** ID-token expiry and issue time are accepted this many seconds either side (clocks drift a little). */
export const CLOCK_TOLERANCE_SECONDS = 30;
/** Every request to a provider gives up after this long: the person is told the provider is unreachable. */
const TIMEOUT_SECONDS = 8;
/** Discovery documents are reused for this long by each app instance. */
const DISCOVERY_CACHE_MS = 10 * 60_000;

export class MissingClientSecret extends Error {
  constructor() {
    super("client secret not configured");
  }
}

const cache = new Map<string, { at: number; config: Promise<oidc.Configuration> }>();

/**
 * The token endpoint's client authentication: client_secret_basic, the default of the specification,
 * unless the provider lists only client_secret_post (some CAS and IDaaS deployments).
 */
function clientAuthFor(metadata: oidc.ServerMetadata, secret: string): oidc.ClientAuth {
  const methods = metadata.token_endpoint_auth_methods_supported;
  if (methods && !methods.includes("client_secret_basic") && methods.includes("client_secret_post"))
    return oidc.ClientSecretPost(secret);
  return oidc.ClientSecretBasic(secret);
}

async function discover(p: ProviderEndpoint, secret: string): Promise<oidc.Configuration> {
  // http is only allowed on loopback (lib/external-sign-in/schemas.ts); every ID token's signature is
  // checked against the provider's JWKS (non-repudiation checks), not only its TLS channel.
  const execute = [
    oidc.enableNonRepudiationChecks,
    ...(isLoopbackHttp(p.issuer) ? [oidc.allowInsecureRequests] : []),
  ];
  const metadata: Partial<oidc.ClientMetadata> = {
    client_secret: secret,
    [oidc.clockTolerance]: CLOCK_TOLERANCE_SECONDS,
  };
  const discovered = await oidc.discovery(new URL(p.issuer), p.clientId, metadata, undefined, {
    timeout: TIMEOUT_SECONDS,
    execute,
  });
  const server = discovered.serverMetadata();
  const config = new oidc.Configuration(server, p.clientId, metadata, clientAuthFor(server, secret));
  config.timeout = TIMEOUT_SECONDS;
  for (const fn of execute) fn(config);
  return config;
}

/**
 * The provider's client configuration (discovery from the issuer URL, cached per instance). Throws
 * MissingClientSecret when OIDC_<SLUG>_CLIENT_SECRET is unset, and the client's own errors when the
 * provider cannot be reached or its document is wrong (nothing failed is cached).
 */
export function clientConfiguration(p: ProviderEndpoint): Promise<oidc.Configuration> {
  const secret = oidcClientSecret(p.slug);
  if (!secret) return Promise.reject(new MissingClientSecret());
  const key = `${p.slug}|${p.issuer}|${p.clientId}|${hashSecret(secret)}`;
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < DISCOVERY_CACHE_MS) return hit.config;
  const config = discover(p, secret);
  cache.set(key, { at: Date.now(), config });
  config.catch(() => cache.delete(key));
  return config;
}

/** Forget cached discovery documents (after the admin changed a provider, and in tests). */
export function forgetClientConfigurations(): void {
  cache.clear();
}

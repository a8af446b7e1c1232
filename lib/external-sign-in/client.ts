import "server-only";
import * as oidc from "openid-client";
import { oidcClientSecret } from "@/lib/env";
import { hashSecret } from "@/lib/security/crypto";
import { isLoopbackHttp } from "./schemas";
import { forgetPublicPages } from "@/lib/ops/public-page-cache";

/** What the client needs to know about a provider. */
export type ProviderEndpoint = { slug: string; issuer: string; clientId: string };

/** ID-token expiry and issue time are accepted this many seconds either side (clocks drift a little). */
export const CLOCK_TOLERANCE_SECONDS = 30;
/** Every request to a provider gives up after this long: the person is told the provider is unreachable. */
const TIMEOUT_SECONDS = 8;
/** A callback reuses the discovery document of its flow's start for this long (a flow lives 10 minutes). */
const DISCOVERY_CACHE_MS = 15 * 60_000;

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
 * The provider's client configuration from its discovery document. Starting a flow asks with `fresh`: the
 * document is fetched again, so a provider that is down is reported on the portal's own page instead of
 * the browser being sent to a dead address (the signing keys already fetched are carried over). The
 * callback reuses the configuration its flow started with. Throws MissingClientSecret when
 * OIDC_<SLUG>_CLIENT_SECRET is unset, and the client's own errors when the provider cannot be reached or
 * its document is wrong (nothing failed is kept).
 */
export async function clientConfiguration(
  p: ProviderEndpoint,
  options: { fresh?: boolean } = {},
): Promise<oidc.Configuration> {
  const secret = oidcClientSecret(p.slug);
  if (!secret) throw new MissingClientSecret();
  const key = `${p.slug}|${p.issuer}|${p.clientId}|${hashSecret(secret)}`;
  const hit = cache.get(key);
  if (hit && !options.fresh && Date.now() - hit.at < DISCOVERY_CACHE_MS) return hit.config;
  const previous = hit ? await hit.config.catch(() => undefined) : undefined;
  const config = discover(p, secret).then((fresh) => {
    const keys = previous && oidc.getJwksCache(previous);
    if (keys && previous.serverMetadata().jwks_uri === fresh.serverMetadata().jwks_uri)
      oidc.setJwksCache(fresh, keys);
    return fresh;
  });
  cache.set(key, { at: Date.now(), config });
  config.catch(() => {
    if (cache.get(key)?.config === config) cache.delete(key);
  });
  return config;
}

/** Forget cached discovery documents (after the admin changed a provider, and in tests). */
export function forgetClientConfigurations(): void {
  cache.clear();
  forgetPublicPages(); // the sign-in pages offer the providers
}

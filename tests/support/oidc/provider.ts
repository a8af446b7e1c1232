/**
 * A real OpenID Provider for the tests: `oidc-provider` (the certified Node implementation) on loopback,
 * with its own login and consent pages, its own users and its own signing keys. Integration tests start it
 * in-process (startTestProvider); e2e tests start it as a child process (./cli.ts) and steer it over HTTP.
 *
 * Beyond a well-behaved provider it can misbehave on purpose, to prove the portal refuses: the token
 * endpoint's ID token can be re-issued with a wrong audience or issuer, already expired, with the nonce of
 * another sign-in (a replayed token), or signed with a key that is not in the provider's JWKS (setTamper /
 * POST /__fixture/tamper?mode=…).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { decodeJwt, decodeProtectedHeader, exportJWK, generateKeyPair, SignJWT, type JWK } from "jose";
import { Provider } from "oidc-provider";

export type TestUser = {
  sub: string;
  username: string;
  password: string;
  /** extra claims: email, email_verified, employee_number, name… */
  claims?: Record<string, unknown>;
};
export type TestClient = { clientId: string; clientSecret: string; redirectUris: string[] };
export const TAMPER_MODES = [
  "none",
  "wrong_audience",
  "wrong_issuer",
  "expired",
  "wrong_nonce",
  "forged",
] as const;
export type TamperMode = (typeof TAMPER_MODES)[number];

export type TestProviderOptions = {
  port?: number;
  clients: TestClient[];
  users: TestUser[];
  /** name shown on the login page */
  title?: string;
};

export type TestProvider = {
  issuer: string;
  setTamper(mode: TamperMode): void;
  close(): Promise<void>;
};

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

function page(title: string, body: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title>
<style>body{font-family:"Noto Sans CJK SC",sans-serif;max-width:24rem;margin:3rem auto;padding:0 1rem}label{display:block;margin-top:1rem}input{width:100%;padding:.5rem;font-size:1rem}button{margin-top:1.25rem;padding:.6rem 1.2rem;font-size:1rem}.error{color:#b91c1c}</style></head><body>${body}</body></html>`;
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 10_000) break;
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

export async function startTestProvider(options: TestProviderOptions): Promise<TestProvider> {
  const title = options.title ?? "示范大学统一身份认证(测试)";
  // Looked up on every request, so a test may add users to the list while the provider runs.
  const userBySub = (sub: string) => options.users.find((u) => u.sub === sub);
  const userByName = (name: string) => options.users.find((u) => u.username === name);
  let tamper: TamperMode = "none";

  const { privateKey } = await generateKeyPair("RS256", { extractable: true });
  const signingJwk: JWK = { ...(await exportJWK(privateKey)), kid: "test-key-1", alg: "RS256", use: "sig" };
  const rogue = await generateKeyPair("RS256", { extractable: true });

  // The issuer needs the port, so listen first and hand requests to the provider once it exists.
  let ready = false;
  const server: Server = createServer((req, res) => (ready ? handle(req, res) : res.writeHead(503).end()));
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const provider = new Provider(issuer, {
    clients: options.clients.map((c) => ({
      client_id: c.clientId,
      client_secret: c.clientSecret,
      redirect_uris: c.redirectUris,
      grant_types: ["authorization_code"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_basic",
    })),
    async findAccount(_ctx, sub) {
      const user = userBySub(sub);
      if (!user) return undefined;
      return { accountId: sub, claims: async () => ({ sub, ...user.claims }) };
    },
    claims: {
      openid: ["sub"],
      email: ["email", "email_verified"],
      phone: ["phone_number", "phone_number_verified"],
      profile: ["name", "employee_number"],
    },
    jwks: { keys: [signingJwk] },
    cookies: { keys: ["test-provider-cookie-key"] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    pkce: { required: () => true },
    ttl: {
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
      AccessToken: 600,
      AuthorizationCode: 60,
      IdToken: 600,
    },
    async renderError(ctx, out) {
      ctx.type = "html";
      ctx.body = page(title, `<h1>出错了</h1><p class="error">${escapeHtml(String(out.error))}</p>`);
    },
  });

  // A misbehaving provider, on request: the ID token of the token response is replaced.
  provider.use(async (ctx, next) => {
    await next();
    if (ctx.path !== "/token" || ctx.status !== 200 || tamper === "none") return;
    const body = ctx.body as { id_token?: string } | undefined;
    if (!body?.id_token) return;
    const claims = decodeJwt(body.id_token);
    const header = decodeProtectedHeader(body.id_token);
    const now = Math.floor(Date.now() / 1000);
    const changed = { ...claims };
    if (tamper === "wrong_audience") changed.aud = "some-other-client";
    if (tamper === "wrong_issuer") changed.iss = "https://idp.attacker.example";
    if (tamper === "expired") Object.assign(changed, { iat: now - 7200, exp: now - 3600 });
    if (tamper === "wrong_nonce") changed.nonce = "nonce-of-another-sign-in";
    const key = tamper === "forged" ? rogue.privateKey : privateKey;
    body.id_token = await new SignJWT(changed)
      .setProtectedHeader({ alg: "RS256", kid: header.kid ?? "test-key-1" })
      .sign(key);
  });

  const callback = provider.callback();

  async function interaction(req: IncomingMessage, res: ServerResponse, uid: string, action: string) {
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== uid) throw new Error("interaction mismatch");
    if (details.prompt.name === "login") {
      if (req.method === "POST" && action === "login") {
        const form = await readForm(req);
        const user = userByName(form.get("username") ?? "");
        if (form.get("cancel")) {
          return provider.interactionFinished(req, res, {
            error: "access_denied",
            error_description: "End-User aborted interaction",
          });
        }
        if (!user || user.password !== form.get("password")) return loginPage(res, uid, "用户名或密码错误");
        return provider.interactionFinished(
          req,
          res,
          { login: { accountId: user.sub } },
          { mergeWithLastSubmission: false },
        );
      }
      return loginPage(res, uid);
    }
    // Consent: a first-party campus client is granted what it asked for without a question.
    const { prompt, params, session } = details;
    const grant = details.grantId
      ? await provider.Grant.find(details.grantId)
      : new provider.Grant({ accountId: session!.accountId, clientId: String(params.client_id) });
    const missing = prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] };
    if (missing.missingOIDCScope) grant!.addOIDCScope(missing.missingOIDCScope.join(" "));
    if (missing.missingOIDCClaims) grant!.addOIDCClaims(missing.missingOIDCClaims);
    const grantId = await grant!.save();
    return provider.interactionFinished(
      req,
      res,
      { consent: { grantId } },
      { mergeWithLastSubmission: true },
    );
  }

  function loginPage(res: ServerResponse, uid: string, error?: string) {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
    res.end(
      page(
        title,
        `<h1>${escapeHtml(title)}</h1>${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ""}
<form method="post" action="/interaction/${uid}/login">
<label for="username">统一身份认证账号</label><input id="username" name="username" autocomplete="username">
<label for="password">密码</label><input id="password" name="password" type="password" autocomplete="current-password">
<button type="submit">登录</button> <button type="submit" name="cancel" value="1">取消</button>
</form>`,
      ),
    );
  }

  function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", issuer);
    const match = /^\/interaction\/([^/]+)(?:\/(login))?$/.exec(url.pathname);
    if (match) {
      interaction(req, res, match[1], match[2] ?? "").catch((e: unknown) => {
        if (!res.headersSent) res.writeHead(400, { "content-type": "text/html; charset=utf-8" });
        res.end(
          page(title, `<p class="error">${escapeHtml(e instanceof Error ? e.message : String(e))}</p>`),
        );
      });
      return;
    }
    if (url.pathname === "/__fixture/tamper" && req.method === "POST") {
      const mode = url.searchParams.get("mode") as TamperMode;
      if (!(TAMPER_MODES as readonly string[]).includes(mode)) return void res.writeHead(400).end();
      tamper = mode;
      return void res.writeHead(204).end();
    }
    callback(req, res);
  }
  ready = true;

  return {
    issuer,
    setTamper: (mode) => {
      tamper = mode;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

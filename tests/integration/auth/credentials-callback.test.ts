import { createHash, randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authOptions } from "@/app/api/auth/[...nextauth]/options";
import { credentialsCallback } from "@/lib/auth/credentials-callback";
import { sessionIdFromToken } from "@/lib/auth/cookie";
import { authSecret } from "@/lib/auth/secret";
import { resolveSession } from "@/lib/auth/sessions";
import { CLIENT_IP_HEADER } from "@/lib/core/client-ip-header";
import { createAccount, randomIp } from "../accounts/support";

/**
 * The sign-in post answered on Node's own request (lib/auth/credentials-callback.ts, which scripts/serve.ts
 * calls past Next's router): over real HTTP against the database, with the checks the route has through
 * Next — this site's Origin, the body limit, next-auth's CSRF token — and next-auth's answers.
 */
describe("POST /api/auth/callback/student without Next's router", () => {
  let server: Server;
  let base: string;
  let trustHost: string | undefined;
  beforeAll(async () => {
    trustHost = process.env.AUTH_TRUST_HOST;
    process.env.AUTH_TRUST_HOST = "1"; // as scripts/serve.ts sets it without NEXTAUTH_URL
    const handle = credentialsCallback("student", authOptions);
    server = createServer((req, res) => {
      // as scripts/serve.ts writes them
      req.headers["x-forwarded-host"] = req.headers.host;
      req.headers["x-forwarded-proto"] = "http";
      req.headers[CLIENT_IP_HEADER] = String(req.headers["x-test-ip"] ?? "127.0.0.1");
      void handle(req, res);
    });
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((done) => server.close(() => done()));
    if (trustHost === undefined) delete process.env.AUTH_TRUST_HOST;
    else process.env.AUTH_TRUST_HOST = trustHost;
  });

  /** next-auth's double-submit token: the cookie holds the token and its hash with the secret. */
  function csrf() {
    const token = randomBytes(32).toString("hex");
    const hash = createHash("sha256").update(`${token}${authSecret()}`).digest("hex");
    return { token, cookie: `next-auth.csrf-token=${encodeURIComponent(`${token}|${hash}`)}` };
  }

  function post(
    form: Record<string, string>,
    headers: Record<string, string> = {},
    init: { origin?: string | null } = {},
  ) {
    const origin = init.origin === undefined ? base : init.origin;
    return fetch(`${base}/api/auth/callback/student`, {
      method: "POST",
      redirect: "manual",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "x-test-ip": randomIp(),
        ...(origin ? { origin } : {}),
        ...headers,
      },
      body: new URLSearchParams(form),
    });
  }

  it("signs in with the right password: a session cookie for a live session, the page to go to as JSON", async () => {
    const { account, password } = await createAccount();
    const { token, cookie } = csrf();
    const res = await post(
      { csrfToken: token, username: account.phone, password, callbackUrl: `${base}/record`, json: "true" },
      { cookie },
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ url: `${base}/record` });
    const session = res.headers.getSetCookie().find((c) => c.startsWith("next-auth.session-token="));
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Lax/i);
    const sessionId = await sessionIdFromToken(decodeURIComponent(session!.split(";")[0].split("=")[1]));
    expect(await resolveSession(sessionId!)).toMatchObject({ accountId: account.id });
  });

  it("a wrong password goes back (through next-auth's error route) with an error and no session", async () => {
    const { account } = await createAccount();
    const { token, cookie } = csrf();
    const res = await post(
      { csrfToken: token, username: account.phone, password: "not the password" },
      { cookie },
    );
    expect(res.status).toBe(302);
    // next-auth's error route, which sends the browser on to /login with the error (pages.error)
    expect(res.headers.get("location")).toBe(
      `${base}/api/auth/error?error=CredentialsSignin&provider=student`,
    );
    expect(res.headers.getSetCookie().some((c) => c.startsWith("next-auth.session-token="))).toBe(false);
  });

  it("refuses a post without the CSRF cookie's token, whatever the password", async () => {
    const { account, password } = await createAccount();
    const { cookie } = csrf();
    for (const [form, headers] of [
      [{ username: account.phone, password }, { cookie }],
      [{ csrfToken: csrf().token, username: account.phone, password }, { cookie }],
      [{ csrfToken: csrf().token, username: account.phone, password }, {}],
    ] as const) {
      const res = await post(form, headers);
      expect(res.status).toBe(302);
      expect(res.headers.get("location")).toBe(`${base}/api/auth/signin?csrf=true`);
      expect(res.headers.getSetCookie().some((c) => c.startsWith("next-auth.session-token="))).toBe(false);
    }
  });

  it("refuses another site's post and one without an Origin (403), before reading the body", async () => {
    const { account, password } = await createAccount();
    const { token, cookie } = csrf();
    for (const origin of ["https://attacker.example", null, "null"]) {
      const res = await post({ csrfToken: token, username: account.phone, password }, { cookie }, { origin });
      expect(res.status, String(origin)).toBe(403);
      expect(await res.json()).toEqual({ error: "cross-origin request refused" });
    }
  });

  it("refuses a body over 1 MB by its declared length (413) and one streamed without a length (411)", async () => {
    const big = await fetch(`${base}/api/auth/callback/student`, {
      method: "POST",
      headers: { origin: base, "content-type": "application/x-www-form-urlencoded" },
      body: "a=" + "x".repeat(1024 * 1024 + 10),
    });
    expect(big.status).toBe(413);
    const streamed = await fetch(`${base}/api/auth/callback/student`, {
      method: "POST",
      headers: { origin: base, "content-type": "application/x-www-form-urlencoded" },
      body: new ReadableStream({
        start(c) {
          c.enqueue(new TextEncoder().encode("username=x"));
          c.close();
        },
      }),
      duplex: "half",
    } as RequestInit);
    expect(streamed.status).toBe(411);
  });

  it("a JSON body or an unreadable one is read as next-auth reads it through the router", async () => {
    const { account, password } = await createAccount();
    const { token, cookie } = csrf();
    const json = await post({}, { cookie, "content-type": "application/json" });
    expect(json.status).toBe(302); // an empty JSON body: no token
    const ok = await fetch(`${base}/api/auth/callback/student`, {
      method: "POST",
      redirect: "manual",
      headers: { origin: base, cookie, "content-type": "application/json", "x-test-ip": randomIp() },
      body: JSON.stringify({ csrfToken: token, username: account.phone, password, json: "true" }),
    });
    expect(ok.status).toBe(200);
    expect(ok.headers.getSetCookie().some((c) => c.startsWith("next-auth.session-token="))).toBe(true);
    const broken = await fetch(`${base}/api/auth/callback/student`, {
      method: "POST",
      redirect: "manual",
      headers: { origin: base, cookie, "content-type": "application/json" },
      body: "{ not json",
    });
    expect(broken.status).toBe(302);
    expect(broken.headers.get("location")).toBe(`${base}/api/auth/signin?csrf=true`);
  });
});

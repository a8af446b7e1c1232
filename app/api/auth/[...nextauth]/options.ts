import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { signInStudent } from "@/lib/accounts/sign-in";
import { signInStaff } from "@/lib/staff/sign-in";
import { metaFromHeaders } from "@/lib/core/request-meta";
import { safeRedirectUrl } from "@/lib/core/safe-next";
import { authSecret, secureCookies } from "@/lib/auth/secret";
import { decodeSessionToken, encodeSessionToken } from "@/lib/auth/cookie";
import { sessionLimits } from "@/lib/auth/sessions";

function headersOf(req: { headers?: Record<string, unknown> }): Headers {
  const h = new Headers();
  for (const [k, v] of Object.entries(req.headers ?? {})) if (typeof v === "string") h.set(k, v);
  return h;
}

/**
 * next-auth issues and reads the session cookie (a JWT). The JWT only carries the id of an AuthSession
 * row; lib/auth/sessions.ts decides on every request whether that session is still alive. The pages sign
 * in through server actions calling the same services as these providers.
 */
/**
 * next-auth puts a thrown error's message into the redirect URL (?error=…): a database that is restarting
 * would show "terminating connection due to administrator command" to the student and in access logs.
 * The detail goes to the server log; the URL says only that the service was unavailable.
 */
async function withoutDetail<T>(signIn: () => Promise<T>): Promise<T> {
  try {
    return await signIn();
  } catch (error) {
    console.error("[auth] sign-in failed:", error instanceof Error ? error.message : String(error));
    throw new Error("Unavailable");
  }
}

export const authOptions: NextAuthOptions = {
  // Read when a request is handled, not when the module loads (a build needs no secret).
  get secret() {
    return authSecret();
  },
  useSecureCookies: secureCookies(),
  session: { strategy: "jwt", maxAge: Math.floor(sessionLimits().absoluteMs / 1000) },
  // next-auth's own token format, with the key derived once instead of at every sign-in (lib/auth/cookie.ts)
  jwt: { encode: encodeSessionToken, decode: decodeSessionToken },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      id: "student",
      name: "student",
      credentials: { username: {}, password: {}, captchaId: {}, captchaAnswer: {} },
      async authorize(credentials, req) {
        const result = await withoutDetail(() =>
          signInStudent(
            {
              username: credentials?.username ?? "",
              password: credentials?.password ?? "",
              captchaId: credentials?.captchaId,
              captchaAnswer: credentials?.captchaAnswer,
            },
            metaFromHeaders(headersOf(req)),
          ),
        );
        return result.ok ? { id: result.value.sessionId } : null;
      },
    }),
    CredentialsProvider({
      id: "staff",
      name: "staff",
      credentials: { username: {}, password: {} },
      async authorize(credentials, req) {
        const result = await withoutDetail(() =>
          signInStaff(
            { username: credentials?.username ?? "", password: credentials?.password ?? "" },
            metaFromHeaders(headersOf(req)),
          ),
        );
        return result.ok ? { id: result.value.sessionId } : null;
      },
    }),
  ],
  callbacks: {
    // callbackUrl is chosen by whoever built the link: only a path on this site is followed.
    redirect({ url, baseUrl }) {
      return safeRedirectUrl(url, baseUrl);
    },
    async jwt({ token, user, account }) {
      if (user) {
        token.sid = user.id;
        token.kind = account?.provider === "staff" ? "staff" : "student";
      }
      return token;
    },
    async session({ session, token }) {
      return { ...session, kind: token.kind };
    },
  },
};

import NextAuth from "next-auth";
import { credentialsCallback } from "@/lib/auth/credentials-callback";
import { registerDirectRoute } from "@/lib/ops/direct-routes";
import { authOptions } from "./options";

const handler = NextAuth(authOptions);
export { handler as GET, handler as POST };

// The sign-in posts, answered by scripts/serve.ts without Next's router from now on (same checks and answers)
for (const provider of ["student", "staff"])
  registerDirectRoute("POST", `/api/auth/callback/${provider}`, credentialsCallback(provider, authOptions));

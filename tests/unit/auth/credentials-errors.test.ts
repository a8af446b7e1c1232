import { afterEach, describe, expect, it, vi } from "vitest";

/**
 * next-auth puts an error thrown by a credentials provider into the redirect URL (?error=<message>). A
 * database restarting during a sign-in must not show its message to the student (or write it into access
 * logs): the providers pass on only "Unavailable".
 */
const outage = Object.assign(new Error("terminating connection due to administrator command"), {
  code: "57P01",
});

vi.mock("@/lib/accounts/sign-in", () => ({ signInStudent: vi.fn(async () => Promise.reject(outage)) }));
vi.mock("@/lib/staff/sign-in", () => ({ signInStaff: vi.fn(async () => Promise.reject(outage)) }));

type Authorize = (
  credentials: Record<string, string>,
  req: { headers: Record<string, string> },
) => Promise<unknown>;

describe("credentials sign-in while the database is unreachable", () => {
  afterEach(() => vi.restoreAllMocks());

  it.each(["student", "staff"])("%s: the error says only that the service is unavailable", async (id) => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const { authOptions } = await import("@/app/api/auth/[...nextauth]/options");
    // CredentialsProvider keeps what it was given (our id and authorize) under `options`
    const provider = (
      authOptions.providers as unknown as { options: { id: string; authorize: Authorize } }[]
    ).find((p) => p.options.id === id);
    if (!provider) throw new Error(`no ${id} provider`);
    const attempt = provider.options.authorize({ username: "13800000001", password: "x" }, { headers: {} });
    await expect(attempt).rejects.toThrow(/^Unavailable$/);
    // the detail stays in the server's log
    expect(console.error).toHaveBeenCalledWith(
      "[auth] sign-in failed:",
      "terminating connection due to administrator command",
    );
  });
});

import "server-only";
import { commonPasswords } from "@/lib/accounts/common-passwords";
import {
  checkPassword,
  PASSWORD_MAX,
  PASSWORD_MIN,
  type PasswordProblem,
} from "@/lib/accounts/password-policy";
import type { Message } from "@/lib/core/result";

export type StaffPasswordProblem = PasswordProblem | "containsUsername";

/**
 * Staff passwords follow exactly the student rules (SPEC §2.1: ≥ 8 code points, no composition rules, not
 * one of the shipped common passwords, not containing the person's name) and also may not contain the
 * username.
 */
export function staffPasswordProblem(
  password: string,
  username?: string,
  displayName?: string,
): StaffPasswordProblem | null {
  const problem = checkPassword(password, { name: displayName ?? null }, (c) => commonPasswords().has(c));
  if (problem) return problem;
  if (username && username.length >= 3 && password.toLowerCase().includes(username.toLowerCase()))
    return "containsUsername";
  return null;
}

/** The message for a password problem (admin namespace). */
export const passwordProblemMessage = (problem: StaffPasswordProblem): Message => ({
  key: `admin.password.${problem}`,
  params: { min: PASSWORD_MIN, max: PASSWORD_MAX },
});

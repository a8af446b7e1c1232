import "server-only";
import { hash, verify } from "@node-rs/argon2";
import { env } from "@/lib/env";

/**
 * argon2id parameters, chosen by measurement on the 2-core target machine (docs/security.md):
 * 19 MiB, t=2, p=1 is the OWASP floor.
 */
export const ARGON2_PARAMS = {
  algorithm: 2, // Algorithm.Argon2id
  memoryCost: env().ARGON2_MEMORY_KIB,
  timeCost: env().ARGON2_TIME_COST,
  parallelism: 1,
} as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_PARAMS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// A real hash of a random value: verifying against it costs the same as verifying a real account, so an
// unknown username takes as long to refuse as a wrong password.
let dummyHash: Promise<string> | undefined;
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword(`dummy-${Math.random()}`);
  await verifyPassword(await dummyHash, password);
  return false;
}

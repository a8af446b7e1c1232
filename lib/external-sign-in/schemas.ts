import { z } from "zod";

/** Who may use a provider: staff (统一身份认证), students (bound sign-in) or both. */
export const PROVIDER_AUDIENCES = ["staff", "students", "both"] as const;
export type ProviderAudience = (typeof PROVIDER_AUDIENCES)[number];

export const servesStaff = (audience: string) => audience === "staff" || audience === "both";
export const servesStudents = (audience: string) => audience === "students" || audience === "both";

/** Claims the portal can link staff by, besides the subject. Others are claims the provider assigns. */
export const VERIFIED_FLAG_CLAIMS: Record<string, string> = {
  email: "email_verified",
  phone_number: "phone_number_verified",
};

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** https, or http on this machine only (a provider for tests or a local bridge). */
export function isAcceptableIssuer(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.search || url.hash || url.username || url.password) return false;
  return url.protocol === "https:" || (url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname));
}

export function isLoopbackHttp(issuer: string): boolean {
  const url = new URL(issuer);
  return url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname);
}

const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal("1"), z.literal(""), z.boolean()])
  .optional()
  .transform((v) => v === true || v === "on" || v === "true" || v === "1");

/** The admin's provider form. The slug is fixed once created (it is in the redirect URI). */
export const providerInputSchema = z.object({
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z][a-z0-9-]{1,30}[a-z0-9]$/),
  nameZh: z.string().trim().min(2).max(40),
  nameEn: z.string().trim().min(2).max(60),
  issuer: z.string().trim().max(300).refine(isAcceptableIssuer),
  clientId: z.string().trim().min(1).max(200),
  audience: z.enum(PROVIDER_AUDIENCES),
  staffClaim: z
    .string()
    .trim()
    .max(60)
    .regex(/^$|^[A-Za-z_][A-Za-z0-9_.:-]*$/)
    .refine((v) => v !== "sub"),
  staffPasswordDisabled: checkbox,
  enabled: checkbox,
});
export type ProviderInput = z.infer<typeof providerInputSchema>;

/** Message keys per field of the provider form. */
export const PROVIDER_FIELD_KEYS: Record<string, string> = {
  slug: "sso.admin.errors.slug",
  nameZh: "sso.admin.errors.name",
  nameEn: "sso.admin.errors.name",
  issuer: "sso.admin.errors.issuer",
  clientId: "sso.admin.errors.clientId",
  audience: "sso.admin.errors.audience",
  staffClaim: "sso.admin.errors.staffClaim",
};

/** The admin's link between a staff account and a provider: a subject or a value of the mapped claim. */
export const staffLinkInputSchema = z
  .object({
    providerId: z.string().min(1).max(64),
    subject: z.string().trim().max(255).default(""),
    claimValue: z.string().trim().max(255).default(""),
  })
  .refine((v) => (v.subject === "") !== (v.claimValue === ""), { path: ["subject"] });

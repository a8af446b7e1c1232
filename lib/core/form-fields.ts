import { z } from "zod";

/**
 * Form fields as the actions read them: text the service judges (the schema only refuses absurd length;
 * a missing field is empty) and a checkbox (ticked or not).
 */
export const text = (max: number) => z.string().max(max).default("");

export const checkbox = z
  .string()
  .optional()
  .transform((v) => v === "on" || v === "1" || v === "true");

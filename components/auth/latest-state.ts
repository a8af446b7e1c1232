import type { FormState } from "@/lib/core/form-state";

type Stamped = FormState<{ at: number }>;

/**
 * A form with a second action (免费获取) has two states. Whichever answered last supplies the typed values;
 * the main form's field errors stay visible except on the fields the code action speaks about.
 */
export function latestOf(main: Stamped, code: Stamped, codeFields: string[] = ["phone", "code"]) {
  const codeIsLatest = (code.data?.at ?? 0) > (main.data?.at ?? 0);
  if (!codeIsLatest) return { codeIsLatest, values: main.values ?? {}, errors: main.fieldErrors ?? {} };
  const kept = Object.fromEntries(
    Object.entries(main.fieldErrors ?? {}).filter(([field]) => !codeFields.includes(field)),
  );
  return { codeIsLatest, values: code.values ?? {}, errors: { ...kept, ...(code.fieldErrors ?? {}) } };
}

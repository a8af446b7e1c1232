/**
 * A subject as the owner sees it in lists: enough to tell two bindings apart, not enough to reuse.
 * "248289761001" → "2482****1001"; short subjects keep one character at each end.
 */
export function maskSubject(subject: string): string {
  const chars = Array.from(subject);
  if (chars.length <= 2) return "*".repeat(chars.length);
  if (chars.length <= 8) return `${chars[0]}${"*".repeat(chars.length - 2)}${chars[chars.length - 1]}`;
  return `${chars.slice(0, 4).join("")}****${chars.slice(-4).join("")}`;
}

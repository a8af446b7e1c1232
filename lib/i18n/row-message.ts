/**
 * A message that a list repeats on every row with that row's values (查看 {name} 的手机号), formatted once per
 * list instead of once per row: ICU puts a plain `{argument}` into the text as it is, so the message
 * formatted with a mark in each argument's place, and the marks then replaced with a row's values, is the
 * text formatting that row would give — for a fraction of the work (a page of 20 rows formatted the reveal
 * labels 40 times). Only for plain arguments: not for plural, select or number arguments.
 */
type Format<A extends string> = (key: string, values: Record<A, string>) => string;

// characters of Unicode's private use area: no name, number or message of this app contains them
const markOf = (i: number) => `\u{F0000}${i}\u{F0001}`;

export function rowMessage<A extends string>(
  t: Format<A>,
  key: string,
  args: readonly A[],
): (values: Record<A, string>) => string {
  const text = t(key, Object.fromEntries(args.map((a, i) => [a, markOf(i)])) as Record<A, string>);
  // split/join rather than replace(): a value's "$&" or "$1" stays as written
  return (values) => args.reduce((out, a, i) => out.split(markOf(i)).join(values[a]), text);
}

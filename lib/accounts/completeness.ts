/** One line of 账号完善度: what it is, whether it is done. */
export type CompletenessItem = {
  key: "phone" | "password" | "realName" | "email" | "questions";
  done: boolean;
};

export function completenessPercent(items: CompletenessItem[]): number {
  return items.length ? Math.round((items.filter((i) => i.done).length / items.length) * 100) : 0;
}

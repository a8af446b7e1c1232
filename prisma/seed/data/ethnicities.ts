/**
 * The 56 ethnic groups (民族) in the official order, with rough weights (per 10,000, after the 2020 census).
 * Every group has a weight above zero, so large demos contain all of them.
 */
// prettier-ignore
export const ETHNICITIES: readonly (readonly [string, number])[] = [
  ["汉族", 9100], ["蒙古族", 45], ["回族", 81], ["藏族", 50], ["维吾尔族", 84], ["苗族", 79], ["彝族", 70],
  ["壮族", 138], ["布依族", 25], ["朝鲜族", 12], ["满族", 74], ["侗族", 25], ["瑶族", 23], ["白族", 15],
  ["土家族", 68], ["哈尼族", 12], ["哈萨克族", 11], ["傣族", 9], ["黎族", 11], ["傈僳族", 5], ["佤族", 3],
  ["畲族", 5], ["高山族", 0.05], ["拉祜族", 3], ["水族", 3], ["东乡族", 6], ["纳西族", 2], ["景颇族", 1],
  ["柯尔克孜族", 1.5], ["土族", 2], ["达斡尔族", 1], ["仫佬族", 2], ["羌族", 2], ["布朗族", 1], ["撒拉族", 1],
  ["毛南族", 1], ["仡佬族", 4], ["锡伯族", 1.5], ["阿昌族", 0.3], ["普米族", 0.3], ["塔吉克族", 0.4],
  ["怒族", 0.3], ["乌孜别克族", 0.1], ["俄罗斯族", 0.1], ["鄂温克族", 0.3], ["德昂族", 0.2], ["保安族", 0.2],
  ["裕固族", 0.1], ["京族", 0.3], ["塔塔尔族", 0.05], ["独龙族", 0.1], ["鄂伦春族", 0.1], ["赫哲族", 0.05],
  ["门巴族", 0.1], ["珞巴族", 0.05], ["基诺族", 0.2],
];

/** How a group's members are usually named; groups not listed use Han-style names. */
export type NameStyle = "han" | "uyghur" | "kazakh" | "tibetan" | "mongolian";

export const NAME_STYLE: Readonly<Record<string, NameStyle>> = {
  维吾尔族: "uyghur",
  乌孜别克族: "uyghur",
  塔塔尔族: "uyghur",
  哈萨克族: "kazakh",
  柯尔克孜族: "kazakh",
  藏族: "tibetan",
  门巴族: "tibetan",
  蒙古族: "mongolian",
};

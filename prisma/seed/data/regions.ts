/**
 * Real county-level administrative codes (the first six digits of an ID number). The university is in
 * Wuhan, so Hubei dominates; ethnic groups get codes from where most of their members live.
 */
// prettier-ignore
export const GENERAL_REGIONS: readonly (readonly [string, number])[] = [
  // Hubei
  ["420102", 6], ["420103", 5], ["420104", 4], ["420105", 4], ["420106", 6], ["420111", 6], ["420115", 4],
  ["420202", 3], ["420302", 3], ["420502", 3], ["420602", 3], ["420606", 3], ["420704", 2], ["420881", 2],
  ["420902", 3], ["421002", 3], ["421102", 3], ["421202", 2],
  // elsewhere
  ["110101", 1], ["110105", 1], ["110108", 1], ["120101", 1], ["130102", 1], ["140105", 1], ["210102", 1],
  ["220102", 1], ["230102", 1], ["310104", 1], ["310115", 1], ["320102", 1], ["320505", 1], ["330102", 1],
  ["330106", 1], ["340102", 2], ["341302", 2], ["350102", 1], ["350203", 1], ["360102", 2], ["360403", 2],
  ["370102", 1], ["370202", 1], ["410102", 2], ["411102", 2], ["411302", 2], ["430102", 2], ["430104", 2],
  ["431002", 2], ["440106", 1], ["440304", 1], ["450103", 1], ["460105", 1], ["500103", 2], ["510104", 2],
  ["520102", 1], ["530102", 1], ["610102", 1], ["620102", 1], ["630102", 1], ["640104", 1], ["650102", 1],
];

const XINJIANG = ["650102", "650104", "653101", "654002"];
const TIBET = ["540102"];
const INNER_MONGOLIA = ["150102", "152502"];
const GUANGXI = ["450102", "450103"];
const NINGXIA_GANSU = ["640104", "622901"];
const GUIZHOU = ["520102", "522601"];
const YUNNAN_SICHUAN = ["530102", "513401", "532901"];
const WULING = ["422801", "433101"];
const NORTHEAST = ["210102", "230102"];

// prettier-ignore
export const ETHNIC_REGIONS: Readonly<Record<string, readonly string[]>> = {
  维吾尔族: XINJIANG, 哈萨克族: XINJIANG, 柯尔克孜族: XINJIANG, 塔吉克族: XINJIANG, 乌孜别克族: XINJIANG,
  塔塔尔族: XINJIANG, 锡伯族: XINJIANG, 俄罗斯族: ["654002"],
  藏族: TIBET, 门巴族: TIBET, 珞巴族: TIBET,
  蒙古族: INNER_MONGOLIA, 达斡尔族: INNER_MONGOLIA, 鄂温克族: INNER_MONGOLIA, 鄂伦春族: INNER_MONGOLIA,
  壮族: GUANGXI, 京族: GUANGXI, 仫佬族: GUANGXI, 毛南族: GUANGXI, 瑶族: GUANGXI,
  回族: NINGXIA_GANSU, 东乡族: NINGXIA_GANSU, 保安族: NINGXIA_GANSU, 撒拉族: ["630102"], 土族: ["630102"],
  裕固族: ["620102"],
  苗族: GUIZHOU, 侗族: GUIZHOU, 布依族: GUIZHOU, 水族: GUIZHOU, 仡佬族: GUIZHOU,
  彝族: YUNNAN_SICHUAN, 傈僳族: YUNNAN_SICHUAN, 哈尼族: YUNNAN_SICHUAN, 傣族: YUNNAN_SICHUAN,
  白族: YUNNAN_SICHUAN, 纳西族: YUNNAN_SICHUAN, 拉祜族: YUNNAN_SICHUAN, 佤族: YUNNAN_SICHUAN,
  景颇族: YUNNAN_SICHUAN, 布朗族: YUNNAN_SICHUAN, 阿昌族: YUNNAN_SICHUAN, 普米族: YUNNAN_SICHUAN,
  怒族: YUNNAN_SICHUAN, 德昂族: YUNNAN_SICHUAN, 独龙族: YUNNAN_SICHUAN, 基诺族: YUNNAN_SICHUAN,
  羌族: ["513221"],
  土家族: WULING,
  满族: NORTHEAST, 赫哲族: ["230102"], 朝鲜族: ["222401"],
  黎族: ["460105"],
  畲族: ["350102"], 高山族: ["350102"],
};

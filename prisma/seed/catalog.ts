/**
 * The fictional university's organisation: colleges (分院), majors (专业) with their department
 * (系(所、函授站)), the short name used in class names ("计算机2301班") and the levels (层次) each major
 * teaches. Static on purpose: college and major codes stay the same for every seed and N, so demo
 * accounts, tests and docs can name them.
 */
export type Level = "本科" | "专科" | "专升本";

export type Track = {
  level: Level;
  /** 学制 in years, stored as the national record shows it: "4" (the UI appends 年) */
  duration: "2" | "3" | "4" | "5";
  /** relative share of the major's students */
  weight: number;
};

export type MajorSpec = {
  /** two digits, unique inside the college; part of the 学号 */
  code: string;
  name: string;
  shortName: string;
  department: string;
  tracks: readonly Track[];
};

export type CollegeSpec = {
  /** "C01"… */
  code: string;
  name: string;
  /** share of men, so engineering and languages differ as they do in real life */
  maleRatio: number;
  majors: readonly MajorSpec[];
};

const BACHELOR: Track = { level: "本科", duration: "4", weight: 1 };
const BACHELOR_5: Track = { level: "本科", duration: "5", weight: 1 };
const TOP_UP: Track = { level: "专升本", duration: "2", weight: 0.4 };
const ASSOCIATE: Track = { level: "专科", duration: "3", weight: 1 };

function major(
  code: string,
  name: string,
  shortName: string,
  department: string,
  tracks: readonly Track[] = [BACHELOR],
): MajorSpec {
  return { code, name, shortName, department, tracks };
}

export const CATALOG: readonly CollegeSpec[] = [
  {
    code: "C01",
    name: "计算机与信息工程学院",
    maleRatio: 0.7,
    majors: [
      major("01", "计算机科学与技术", "计算机", "计算机科学系", [BACHELOR, TOP_UP]),
      major("02", "软件工程", "软件", "软件工程系"),
      major("03", "网络工程", "网络", "网络工程系"),
      major("04", "数据科学与大数据技术", "大数据", "数据科学系"),
    ],
  },
  {
    code: "C02",
    name: "电子与电气工程学院",
    maleRatio: 0.75,
    majors: [
      major("01", "电子信息工程", "电子", "电子工程系"),
      major("02", "通信工程", "通信", "通信工程系"),
      major("03", "电气工程及其自动化", "电气", "电气工程系", [BACHELOR, TOP_UP]),
    ],
  },
  {
    code: "C03",
    name: "机械与汽车工程学院",
    maleRatio: 0.85,
    majors: [
      major("01", "机械设计制造及其自动化", "机械", "机械工程系", [BACHELOR, TOP_UP]),
      major("02", "车辆工程", "车辆", "车辆工程系"),
      major("03", "材料成型及控制工程", "材控", "材料工程系"),
    ],
  },
  {
    code: "C04",
    name: "土木与建筑工程学院",
    maleRatio: 0.72,
    majors: [
      major("01", "土木工程", "土木", "土木工程系"),
      major("02", "建筑学", "建筑", "建筑学系", [BACHELOR_5]),
      major("03", "工程管理", "工管", "工程管理系"),
    ],
  },
  {
    code: "C05",
    name: "经济与管理学院",
    maleRatio: 0.4,
    majors: [
      major("01", "会计学", "会计", "会计学系", [BACHELOR, TOP_UP]),
      major("02", "财务管理", "财管", "财务管理系"),
      major("03", "市场营销", "营销", "市场营销系"),
      major("04", "国际经济与贸易", "国贸", "国际贸易系"),
      major("05", "工商管理", "工商", "工商管理系"),
    ],
  },
  {
    code: "C06",
    name: "文学与新闻传播学院",
    maleRatio: 0.3,
    majors: [
      major("01", "汉语言文学", "汉语言", "中国语言文学系"),
      major("02", "新闻学", "新闻", "新闻学系"),
      major("03", "广告学", "广告", "广告学系"),
    ],
  },
  {
    code: "C07",
    name: "外国语学院",
    maleRatio: 0.25,
    majors: [
      major("01", "英语", "英语", "英语系"),
      major("02", "日语", "日语", "日语系"),
      major("03", "翻译", "翻译", "翻译系"),
    ],
  },
  {
    code: "C08",
    name: "数学与统计学院",
    maleRatio: 0.55,
    majors: [major("01", "数学与应用数学", "数学", "数学系"), major("02", "统计学", "统计", "统计学系")],
  },
  {
    code: "C09",
    name: "化学与生命科学学院",
    maleRatio: 0.45,
    majors: [
      major("01", "化学", "化学", "化学系"),
      major("02", "生物科学", "生物", "生物科学系"),
      major("03", "生物技术", "生技", "生物技术系"),
    ],
  },
  {
    code: "C10",
    name: "医学院",
    maleRatio: 0.35,
    majors: [
      major("01", "临床医学", "临床", "临床医学系", [BACHELOR_5]),
      major("02", "护理学", "护理", "护理学系", [BACHELOR, TOP_UP]),
      major("03", "药学", "药学", "药学系"),
    ],
  },
  {
    code: "C11",
    name: "艺术与设计学院",
    maleRatio: 0.35,
    majors: [
      major("01", "视觉传达设计", "视传", "视觉传达设计系"),
      major("02", "环境设计", "环设", "环境设计系"),
      major("03", "音乐学", "音乐", "音乐系"),
      major("04", "美术学", "美术", "美术系"),
    ],
  },
  {
    code: "C12",
    name: "职业技术学院",
    maleRatio: 0.5,
    majors: [
      major("01", "软件技术", "软件技术", "信息技术系", [ASSOCIATE]),
      major("02", "大数据与会计", "会计专", "财经系", [ASSOCIATE]),
      major("03", "护理", "护理专", "医护系", [ASSOCIATE]),
      major("04", "机电一体化技术", "机电", "机电技术系", [ASSOCIATE]),
      major("05", "电子商务", "电商", "财经系", [ASSOCIATE]),
    ],
  },
];

/**
 * Cohorts (入学年份) and their share. The demo's story is the 2023 freshmen's week (the seeds' notice): the
 * 2023 cohort is the one the open campaign checks, the 2022 cohort checked a year earlier, and a small
 * 2019 cohort has graduated — only its records are 学历注册 (locked), as only graduates' can be.
 */
export const COHORTS: readonly (readonly [string, number])[] = [
  ["2023", 0.7],
  ["2022", 0.27],
  ["2019", 0.03],
];

/** The story's school year: a cohort whose program ended by its summer has graduated. */
export const STORY_YEAR = 2023;

/** Graduated: the program's last June is no later than the story's (4-year 2019 → 2023-06-30). */
export function hasGraduated(cohort: string, duration: string): boolean {
  return Number(cohort) + Number(duration) <= STORY_YEAR;
}

export const EDUCATION_CATEGORY = "普通";
export const STUDY_MODE = "普通全日制";
export const RECORD_STATUS = "在籍(注册学籍)";
/** 学籍状态 of a graduate whose 学历注册 is done (the national record's wording). */
export const GRADUATED_STATUS = "不在籍(毕业)";
export const ID_TYPE_RESIDENT = "resident_id";

import { withCheckDigit } from "./id-numbers";
import type { Gender } from "./names";

/** Password of every demo staff account unless DEMO_STAFF_PASSWORD is set (SPEC §1). */
export const DEFAULT_DEMO_STAFF_PASSWORD = "Demo@2026xj";
/** Password of the ready demo student accounts. */
export const DEMO_STUDENT_PASSWORD = "Student@2026";

export type DemoStudent = {
  phone: string;
  email?: string;
  name: string;
  gender: Gender;
  birthDate: string;
  ethnicity: string;
  idNumber: string;
  studentNumber: string;
  /** 入学年份: the demo students are 2023 freshmen, except the graduate (2019) */
  cohort: string;
  /** record already 学历注册 (locked): corrections go to the provincial route */
  graduationRegistered: boolean;
  /** what this account is good for in a demo */
  note: string;
};

/**
 * Students with ready, verified accounts, the same for every seed and N. The first four are classmates in
 * 计算机2301班 (C01, 计算机科学与技术, 2023 本科), the first records of the generated university; each shows
 * one kind of name the product must handle. The fifth graduated from the same major (2019 本科, 计算机1901班):
 * her 学历注册 is done, so her record is locked — only a graduate's can be.
 */
export const DEMO_STUDENTS: readonly DemoStudent[] = [
  {
    phone: "13800000001",
    email: "demo1@example.edu.cn",
    name: "李思远",
    gender: "男",
    birthDate: "2005-03-12",
    ethnicity: "汉族",
    idNumber: withCheckDigit("42010620050312031"),
    studentNumber: "202301010001",
    cohort: "2023",
    graduationRegistered: false,
    note: "常见姓名, 已验证安全邮箱",
  },
  {
    phone: "13800000002",
    name: "欧阳雨桐",
    gender: "女",
    birthDate: "2005-07-21",
    ethnicity: "汉族",
    idNumber: withCheckDigit("33010620050721024"),
    studentNumber: "202301010002",
    cohort: "2023",
    graduationRegistered: false,
    note: "复姓",
  },
  {
    phone: "13800000003",
    name: "阿依古丽·买买提",
    gender: "女",
    birthDate: "2004-11-05",
    ethnicity: "维吾尔族",
    idNumber: withCheckDigit("65010220041105062"),
    studentNumber: "202301010003",
    cohort: "2023",
    graduationRegistered: false,
    note: "少数民族姓名(含间隔号·)",
  },
  {
    phone: "13800000004",
    name: "王𠮷祥",
    gender: "男",
    birthDate: "2005-01-30",
    ethnicity: "汉族",
    idNumber: withCheckDigit("42011120050130015"),
    studentNumber: "202301010004",
    cohort: "2023",
    graduationRegistered: false,
    note: "生僻字(CJK 扩展B区 𠮷)",
  },
  {
    phone: "13800000005",
    name: "陈静怡",
    gender: "女",
    birthDate: "2000-09-18",
    ethnicity: "汉族",
    idNumber: withCheckDigit("42010220000918048"),
    studentNumber: "201901010001",
    cohort: "2019",
    graduationRegistered: true,
    note: "2019 级毕业生, 已学历注册(锁定), 更正走省级审核",
  },
];

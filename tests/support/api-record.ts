/** The fields every test record has in common; each test names the ones that matter to it. */
type Identity = {
  studentNumber: string;
  name: string;
  gender: string;
  birthDate: string;
  idNumber: string;
  college: string;
  classGroup: string;
};

/** A roster record as PUT /api/v1/records takes it (the §4.2 fields), a 2023 本科 student by default. */
export function apiRecord(identity: Identity, extra: Record<string, string> = {}) {
  return {
    ethnicity: "汉族",
    idType: "resident_id",
    level: "本科",
    major: "软件工程",
    duration: "4",
    educationCategory: "普通",
    studyMode: "普通全日制",
    department: "",
    enrolledOn: "2023-09-01",
    expectedGraduationOn: "2027-06-30",
    status: "在籍(注册学籍)",
    ...identity,
    ...extra,
  };
}

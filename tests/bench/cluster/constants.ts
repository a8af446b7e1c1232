/** Passwords of the cohort benchmark's people (fictional accounts in a throw-away database). */
export const COHORT_PASSWORD = "基准测试学生的长密码2026";
/** The seed's demo staff password (prisma/seed, DEMO_STAFF_PASSWORD). */
export const STAFF_PASSWORD = process.env.DEMO_STAFF_PASSWORD ?? "Demo@2026xj";

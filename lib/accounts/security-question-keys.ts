/** 密保问题: the fixed list (keys; the wording is in the register catalogue under securityQuestions). */
export const SECURITY_QUESTIONS = [
  "mother_name",
  "father_name",
  "spouse_name",
  "birthplace",
  "primary_school",
  "high_school_teacher",
  "childhood_friend",
  "first_phone",
] as const;
export type SecurityQuestionKey = (typeof SECURITY_QUESTIONS)[number];
export const SECURITY_QUESTION_SLOTS = [1, 2, 3] as const;

export function isSecurityQuestion(key: string): key is SecurityQuestionKey {
  return (SECURITY_QUESTIONS as readonly string[]).includes(key);
}

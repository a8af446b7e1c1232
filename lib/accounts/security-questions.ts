import { codePointLength, toHalfWidth } from "@/lib/identity/normalize";
import { toSimplified } from "@/lib/identity/simplified";

import { isSecurityQuestion, type SecurityQuestionKey } from "./security-question-keys";

export { SECURITY_QUESTIONS, SECURITY_QUESTION_SLOTS, isSecurityQuestion } from "./security-question-keys";
export type { SecurityQuestionKey } from "./security-question-keys";
export const ANSWER_MIN = 2;
export const ANSWER_MAX = 50;

/**
 * Answers are compared normalised: width, case, spaces and traditional/simplified forms do not matter, so
 * "北京 市" and "北京市", "ＬＩ" and "li" are the same answer.
 */
export function normalizeAnswer(answer: string): string {
  return toSimplified(toHalfWidth(answer).normalize("NFKC"))
    .replace(/[\s\u200B-\u200D\uFEFF]/g, "")
    .toLowerCase();
}

export type QuestionInput = { questionKey: string; answer: string };
export type QuestionProblem = { slot: number; field: "question" | "answer"; key: string };

/**
 * Validates up to three question/answer pairs: an empty slot (no question, no answer) is skipped; a
 * question needs an answer and an answer a question; a question can be used once.
 */
export function checkSecurityQuestions(slots: QuestionInput[]):
  | { ok: true; value: { position: number; questionKey: SecurityQuestionKey; answer: string }[] }
  | {
      ok: false;
      problems: QuestionProblem[];
    } {
  const problems: QuestionProblem[] = [];
  const value: { position: number; questionKey: SecurityQuestionKey; answer: string }[] = [];
  const used = new Set<string>();
  slots.forEach((slot, i) => {
    const position = i + 1;
    const key = slot.questionKey.trim();
    const answer = normalizeAnswer(slot.answer);
    if (!key && !answer) return;
    if (!key || !isSecurityQuestion(key)) {
      problems.push({ slot: position, field: "question", key: "register.securityQuestion.chooseQuestion" });
      return;
    }
    if (used.has(key)) {
      problems.push({ slot: position, field: "question", key: "register.securityQuestion.duplicate" });
      return;
    }
    used.add(key);
    const length = codePointLength(answer);
    if (length < ANSWER_MIN || length > ANSWER_MAX) {
      problems.push({ slot: position, field: "answer", key: "register.securityQuestion.answerLength" });
      return;
    }
    value.push({ position, questionKey: key, answer });
  });
  return problems.length ? { ok: false, problems } : { ok: true, value };
}

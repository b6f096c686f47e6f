import type { ResponsibleType, ServiceDomain } from "../landscape/ServiceDomain.ts";
import type { Question } from "./Question.ts";
import type { Answers } from "./SurveyResponse.ts";

/**
 * The domains a Kommune of this type is responsible for — the size-class rule: a domain
 * applies when its `responsibleTypes` contain the Kommune's type (§ 4 GO NRW: große und
 * mittlere kreisangehörige Städte take over tasks of the Kreis; see docs/survey.md).
 */
export function applicableDomainIds(
  domains: readonly Pick<ServiceDomain, "id" | "isGroup" | "responsibleTypes">[],
  type: ResponsibleType | undefined,
): Set<string> {
  return new Set(
    domains
      .filter(
        (domain) => !domain.isGroup && type !== undefined && domain.responsibleTypes.includes(type),
      )
      .map((domain) => domain.id),
  );
}

/**
 * The questions a Kommune sees: general questions, questions of domains it is responsible
 * for, and matrix questions narrowed to applicable rows (dropped when none remain).
 */
export function applicableQuestions(
  questions: readonly Question[],
  applicable: ReadonlySet<string>,
): Question[] {
  const result: Question[] = [];
  for (const question of questions) {
    if (question.domainId !== null && !applicable.has(question.domainId)) continue;
    if (question.type === "matrix") {
      const rows = question.rows.filter((row) => applicable.has(row));
      if (rows.length > 0) result.push({ ...question, rows });
      continue;
    }
    result.push(question);
  }
  return result;
}

/** True when a value counts as not answered (null, empty text, empty list or matrix). */
export function isEmptyAnswer(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === "string") return value.trim() === "";
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === "object") return Object.keys(value).length === 0;
  return false;
}

/** Whether a question is shown given the answers so far (conditional display). */
export function isVisible(
  question: Question,
  answers: Answers,
  shown: ReadonlySet<string> = new Set(),
): boolean {
  const condition = question.condition;
  if (!condition) return true;
  // A question hidden itself hides those that depend on it.
  if (shown.size > 0 && !shown.has(condition.questionKey)) return false;
  const value = answers[condition.questionKey];
  switch (condition.operator) {
    case "answered":
      return !isEmptyAnswer(value);
    case "equals":
      return value === condition.value;
    case "not_equals":
      return !isEmptyAnswer(value) && value !== condition.value;
    case "includes":
      return Array.isArray(value) && value.includes(condition.value);
  }
}

/** Keys of the questions shown, in order, evaluating conditions against earlier answers. */
export function visibleQuestionKeys(questions: readonly Question[], answers: Answers): Set<string> {
  const shown = new Set<string>();
  const all = new Set(questions.map((question) => question.key));
  for (const question of questions) {
    const dependsOnShown =
      !question.condition ||
      !all.has(question.condition.questionKey) ||
      shown.has(question.condition.questionKey);
    if (dependsOnShown && isVisible(question, answers)) shown.add(question.key);
  }
  return shown;
}

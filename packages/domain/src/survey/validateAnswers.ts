import { isCalendarDate } from "../dates/IsoDate.ts";
import type { FieldProblem } from "../errors/AppError.ts";
import { isEmptyAnswer, visibleQuestionKeys } from "./applicableQuestions.ts";
import type { Question } from "./Question.ts";
import type { Answers } from "./SurveyResponse.ts";

const MAX_AMOUNT = 1e10;

/** The German message for an invalid value of one question, or undefined when it is valid. */
export function answerProblem(question: Question, value: unknown): string | undefined {
  switch (question.type) {
    case "single_choice":
      return typeof value === "string" && question.options.some((option) => option.value === value)
        ? undefined
        : "Bitte wählen Sie eine der angebotenen Antworten.";
    case "multiple_choice": {
      if (!Array.isArray(value) || value.some((item) => typeof item !== "string"))
        return "Bitte wählen Sie eine oder mehrere der angebotenen Antworten.";
      if (new Set(value).size !== value.length) return "Eine Antwort ist doppelt gewählt.";
      return value.every((item) => question.options.some((option) => option.value === item))
        ? undefined
        : "Bitte wählen Sie nur angebotene Antworten.";
    }
    case "scale":
      return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 5
        ? undefined
        : "Bitte geben Sie einen Wert von 1 bis 5 an.";
    case "number": {
      if (typeof value !== "number" || !Number.isFinite(value))
        return `Bitte geben Sie eine Zahl (${question.unit}) an.`;
      if (question.min !== null && value < question.min)
        return `Der Wert muss mindestens ${question.min} ${question.unit} betragen.`;
      if (question.max !== null && value > question.max)
        return `Der Wert darf höchstens ${question.max} ${question.unit} betragen.`;
      return undefined;
    }
    case "amount": {
      if (typeof value !== "number" || !Number.isFinite(value))
        return "Bitte geben Sie einen Betrag in Euro an.";
      if (value < 0) return "Der Betrag darf nicht negativ sein.";
      if (value > MAX_AMOUNT) return "Der Betrag ist unplausibel groß.";
      return Math.round(value * 100) === value * 100
        ? undefined
        : "Bitte höchstens zwei Nachkommastellen (Cent) angeben.";
    }
    case "text":
      if (typeof value !== "string") return "Bitte geben Sie einen Text ein.";
      return value.length > question.maxLength
        ? `Der Text darf höchstens ${question.maxLength} Zeichen lang sein.`
        : undefined;
    case "date":
      return typeof value === "string" && isCalendarDate(value)
        ? undefined
        : "Bitte geben Sie ein gültiges Datum (JJJJ-MM-TT) an.";
    case "matrix": {
      if (typeof value !== "object" || value === null || Array.isArray(value))
        return "Bitte wählen Sie je Leistungsbereich eine Antwort.";
      for (const [row, cell] of Object.entries(value)) {
        if (!question.rows.includes(row))
          return `Der Leistungsbereich „${row}“ gehört nicht zu dieser Frage.`;
        if (typeof cell !== "string" || !question.options.some((option) => option.value === cell))
          return `Für „${row}“ ist keine angebotene Antwort gewählt.`;
      }
      return undefined;
    }
  }
}

/**
 * Checks answers against the questions a Kommune sees. In `draft` mode (autosave) only the
 * given values are checked; in `submit` mode every visible required question must be answered
 * (a matrix in every row). Problems name the question key as field.
 */
export function validateAnswers(
  questions: readonly Question[],
  answers: Answers,
  mode: "draft" | "submit",
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const byKey = new Map(questions.map((question) => [question.key, question]));
  for (const [key, value] of Object.entries(answers)) {
    const question = byKey.get(key);
    if (!question) {
      problems.push({
        field: key,
        message: "Diese Frage gibt es in dieser Erhebung nicht (für Ihre Kommune).",
      });
      continue;
    }
    if (isEmptyAnswer(value)) continue;
    const message = answerProblem(question, value);
    if (message) problems.push({ field: key, message });
  }
  if (mode === "submit") {
    const visible = visibleQuestionKeys(questions, answers);
    for (const question of questions) {
      if (!question.required || !visible.has(question.key)) continue;
      const value = answers[question.key];
      if (isEmptyAnswer(value)) {
        problems.push({
          field: question.key,
          message: "Bitte beantworten Sie diese Pflichtfrage.",
        });
      } else if (
        question.type === "matrix" &&
        typeof value === "object" &&
        value !== null &&
        question.rows.some((row) => !(row in value))
      ) {
        problems.push({ field: question.key, message: "Bitte beantworten Sie jede Zeile." });
      }
    }
  }
  return problems;
}

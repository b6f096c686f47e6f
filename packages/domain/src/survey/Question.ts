import { z } from "zod";
import { ServiceDomainId } from "../landscape/ServiceDomain.ts";

/** Key of a question inside a question set, e.g. `einwohnerwesen-betrieb`. */
export const QuestionKey = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "muss aus Kleinbuchstaben, Ziffern und - bestehen");
export type QuestionKey = z.infer<typeof QuestionKey>;

/** Question types of the designer. */
export const QuestionType = z.enum([
  "single_choice",
  "multiple_choice",
  "scale",
  "number",
  "amount",
  "text",
  "date",
  "matrix",
]);
export type QuestionType = z.infer<typeof QuestionType>;

/** German labels of question types. */
export const questionTypeLabel: Record<QuestionType, string> = {
  single_choice: "Einfachauswahl",
  multiple_choice: "Mehrfachauswahl",
  scale: "Skala 1–5",
  number: "Zahl mit Einheit",
  amount: "Betrag in €",
  text: "Freitext",
  date: "Datum",
  matrix: "Matrix (Leistungsbereich × Option)",
};

/**
 * What an answer means for the landscape and the strategy: the current operating model of
 * the section's domain (pre-filled, can be applied to the landscape), the own staff (FTE)
 * for it, the satisfaction, or the desired target model.
 */
export const QuestionPurpose = z.enum([
  "current_operating_model",
  "own_staff",
  "satisfaction",
  "desired_model",
]);
export type QuestionPurpose = z.infer<typeof QuestionPurpose>;

/** One choice of a choice or matrix question. */
export const QuestionOption = z.object({
  value: z.string().min(1).max(80),
  label: z.string().min(1).max(200),
});
export type QuestionOption = z.infer<typeof QuestionOption>;

/** Show a question only when another answer matches. */
export const QuestionCondition = z.object({
  questionKey: QuestionKey,
  operator: z.enum(["equals", "not_equals", "includes", "answered"]),
  value: z.union([z.string(), z.number()]).nullable().default(null),
});
export type QuestionCondition = z.infer<typeof QuestionCondition>;

const base = {
  key: QuestionKey,
  /** Section: the service domain the question belongs to (null = general questions). */
  domainId: ServiceDomainId.nullable().default(null),
  label: z.string().min(1, "darf nicht leer sein").max(500),
  help: z.string().max(2000).nullable().default(null),
  required: z.boolean().default(false),
  condition: QuestionCondition.nullable().default(null),
  purpose: QuestionPurpose.nullable().default(null),
};

const options = z.array(QuestionOption).min(1, "braucht mindestens eine Option").max(50);

/** A question definition; the type decides which further fields it has. */
export const Question = z
  .discriminatedUnion("type", [
    z.object({ ...base, type: z.literal("single_choice"), options }),
    z.object({ ...base, type: z.literal("multiple_choice"), options }),
    z.object({ ...base, type: z.literal("scale") }),
    z.object({
      ...base,
      type: z.literal("number"),
      unit: z.string().min(1, "braucht eine Einheit").max(40),
      min: z.number().nullable().default(null),
      max: z.number().nullable().default(null),
    }),
    z.object({ ...base, type: z.literal("amount") }),
    z.object({
      ...base,
      type: z.literal("text"),
      maxLength: z.number().int().min(1).max(10_000).default(2000),
    }),
    z.object({ ...base, type: z.literal("date") }),
    z.object({
      ...base,
      type: z.literal("matrix"),
      /** Rows are service domains; only those that apply to the Kommune are shown. */
      rows: z.array(ServiceDomainId).min(1, "braucht mindestens eine Zeile"),
      options,
    }),
  ])
  .meta({ id: "SurveyQuestion" });
export type Question = z.infer<typeof Question>;

/** The questions of a campaign, checked as a whole: unique keys, conditions point backwards. */
export const QuestionList = z
  .array(Question)
  .max(500)
  .superRefine((questions, context) => {
    const seen = new Set<string>();
    questions.forEach((question, index) => {
      if (seen.has(question.key)) {
        context.addIssue({
          code: "custom",
          path: [index, "key"],
          message: `Die Kennung „${question.key}“ ist doppelt vergeben.`,
        });
      }
      if (question.condition && !seen.has(question.condition.questionKey)) {
        context.addIssue({
          code: "custom",
          path: [index, "condition", "questionKey"],
          message: "Eine Bedingung muss sich auf eine frühere Frage beziehen.",
        });
      }
      seen.add(question.key);
    });
  });

import { describe, expect, it } from "vitest";
import {
  applicableDomainIds,
  applicableQuestions,
  visibleQuestionKeys,
} from "./applicableQuestions.ts";
import { Question, QuestionList } from "./Question.ts";
import { answerProblem, validateAnswers } from "./validateAnswers.ts";

const q = (input: Record<string, unknown>): Question =>
  Question.parse({ key: "f", label: "Frage", ...input });
const options = [
  { value: "a", label: "A" },
  { value: "b", label: "B" },
];

describe("answerProblem", () => {
  it.each<[string, Question, unknown, string | undefined]>([
    ["single choice accepts an option", q({ type: "single_choice", options }), "a", undefined],
    [
      "single choice refuses others",
      q({ type: "single_choice", options }),
      "c",
      "Bitte wählen Sie eine der angebotenen Antworten.",
    ],
    [
      "multiple choice accepts options",
      q({ type: "multiple_choice", options }),
      ["a", "b"],
      undefined,
    ],
    [
      "multiple choice refuses duplicates",
      q({ type: "multiple_choice", options }),
      ["a", "a"],
      "Eine Antwort ist doppelt gewählt.",
    ],
    ["scale accepts 1–5", q({ type: "scale" }), 5, undefined],
    ["scale refuses 6", q({ type: "scale" }), 6, "Bitte geben Sie einen Wert von 1 bis 5 an."],
    ["scale refuses 2.5", q({ type: "scale" }), 2.5, "Bitte geben Sie einen Wert von 1 bis 5 an."],
    [
      "number respects min",
      q({ type: "number", unit: "VZÄ", min: 0 }),
      -1,
      "Der Wert muss mindestens 0 VZÄ betragen.",
    ],
    [
      "number refuses text",
      q({ type: "number", unit: "VZÄ" }),
      "3",
      "Bitte geben Sie eine Zahl (VZÄ) an.",
    ],
    ["amount refuses negatives", q({ type: "amount" }), -5, "Der Betrag darf nicht negativ sein."],
    [
      "amount refuses fractions of a cent",
      q({ type: "amount" }),
      1.234,
      "Bitte höchstens zwei Nachkommastellen (Cent) angeben.",
    ],
    ["amount accepts cents", q({ type: "amount" }), 1234.56, undefined],
    [
      "text respects the length",
      q({ type: "text", maxLength: 3 }),
      "abcd",
      "Der Text darf höchstens 3 Zeichen lang sein.",
    ],
    [
      "date refuses 31 February",
      q({ type: "date" }),
      "2026-02-31",
      "Bitte geben Sie ein gültiges Datum (JJJJ-MM-TT) an.",
    ],
    ["date accepts ISO dates", q({ type: "date" }), "2026-02-28", undefined],
    [
      "matrix accepts known rows",
      q({ type: "matrix", rows: ["melde"], options }),
      { melde: "a" },
      undefined,
    ],
    [
      "matrix refuses unknown rows",
      q({ type: "matrix", rows: ["melde"], options }),
      { kfz: "a" },
      "Der Leistungsbereich „kfz“ gehört nicht zu dieser Frage.",
    ],
  ])("%s", (_name, question, value, expected) => {
    expect(answerProblem(question, value)).toBe(expected);
  });
});

describe("validateAnswers", () => {
  const questions = [
    q({ key: "betrieb", type: "single_choice", options, required: true }),
    q({
      key: "warum",
      type: "text",
      required: true,
      condition: { questionKey: "betrieb", operator: "equals", value: "b" },
    }),
  ];

  it("lets a draft be saved with required questions unanswered", () => {
    expect(validateAnswers(questions, {}, "draft")).toEqual([]);
  });

  it("requires visible required questions on submit", () => {
    expect(validateAnswers(questions, {}, "submit")).toEqual([
      { field: "betrieb", message: "Bitte beantworten Sie diese Pflichtfrage." },
    ]);
    expect(validateAnswers(questions, { betrieb: "a" }, "submit")).toEqual([]);
    expect(validateAnswers(questions, { betrieb: "b" }, "submit").map((p) => p.field)).toEqual([
      "warum",
    ]);
  });

  it("refuses answers to questions the Kommune does not have", () => {
    expect(validateAnswers(questions, { fremd: 1 }, "draft")[0]?.field).toBe("fremd");
  });
});

describe("applicability by size class", () => {
  const domains = [
    {
      id: "melde",
      isGroup: false,
      responsibleTypes: ["kreisangehoerige_gemeinde", "kreisfreie_stadt"] as const,
    },
    { id: "kfz", isGroup: false, responsibleTypes: ["kreis", "kreisfreie_stadt"] as const },
    { id: "gruppe", isGroup: true, responsibleTypes: ["kreis"] as const },
  ].map((domain) => ({ ...domain, responsibleTypes: [...domain.responsibleTypes] }));

  it.each([
    ["kreisangehoerige_gemeinde", ["melde"]],
    ["kreis", ["kfz"]],
    ["kreisfreie_stadt", ["melde", "kfz"]],
  ] as const)("a %s is responsible for %j", (type, expected) => {
    expect([...applicableDomainIds(domains, type)]).toEqual(expected);
  });

  it("shows general questions, own domains and narrows matrix rows", () => {
    const questions = [
      q({ key: "allgemein", type: "scale" }),
      q({ key: "kfz-betrieb", type: "scale", domainId: "kfz" }),
      q({ key: "melde-betrieb", type: "scale", domainId: "melde" }),
      q({ key: "matrix", type: "matrix", rows: ["melde", "kfz"], options }),
      q({ key: "nur-kfz", type: "matrix", rows: ["kfz"], options }),
    ];
    const shown = applicableQuestions(
      questions,
      applicableDomainIds(domains, "kreisangehoerige_gemeinde"),
    );
    expect(shown.map((question) => question.key)).toEqual(["allgemein", "melde-betrieb", "matrix"]);
    expect(shown[2]).toMatchObject({ rows: ["melde"] });
  });

  it("hides a question whose condition depends on a hidden question", () => {
    const questions = [
      q({ key: "a", type: "single_choice", options }),
      q({
        key: "b",
        type: "text",
        condition: { questionKey: "a", operator: "equals", value: "b" },
      }),
      q({ key: "c", type: "text", condition: { questionKey: "b", operator: "answered" } }),
    ];
    expect([...visibleQuestionKeys(questions, { a: "a", b: "alt" })]).toEqual(["a"]);
    expect([...visibleQuestionKeys(questions, { a: "b", b: "x" })]).toEqual(["a", "b", "c"]);
  });
});

describe("QuestionList", () => {
  it("refuses duplicate keys and forward conditions with German messages", () => {
    const result = QuestionList.safeParse([
      {
        key: "a",
        label: "A",
        type: "scale",
        condition: { questionKey: "b", operator: "answered" },
      },
      { key: "b", label: "B", type: "scale" },
      { key: "b", label: "B2", type: "scale" },
    ]);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([
      "Eine Bedingung muss sich auf eine frühere Frage beziehen.",
      "Die Kennung „b“ ist doppelt vergeben.",
    ]);
  });

  it("refuses a choice question without options", () => {
    expect(
      QuestionList.safeParse([{ key: "a", label: "A", type: "single_choice", options: [] }])
        .success,
    ).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { Question } from "../survey/Question.ts";
import { checkConsistency } from "./checkConsistency.ts";
import { StrategyDecision } from "./Strategy.ts";
import { suggestDecisions, type SuggestionInput } from "./suggestDecisions.ts";

const models = ["eigenbetrieb", "it_dienstleister", "andere_kommune", "land", "efa_dienst"].map(
  (value) => ({ value, label: value }),
);
const targets = ["vor_ort", "it_dienstleister", "interkommunal", "land", "efa"].map((value) => ({
  value,
  label: value,
}));
const questions = [
  Question.parse({
    key: "m-betrieb",
    label: "Betrieb",
    type: "single_choice",
    options: models,
    domainId: "melde",
    purpose: "current_operating_model",
  }),
  Question.parse({
    key: "m-personal",
    label: "Personal",
    type: "number",
    unit: "VZÄ",
    domainId: "melde",
    purpose: "own_staff",
  }),
  Question.parse({
    key: "m-zufrieden",
    label: "Zufriedenheit",
    type: "scale",
    domainId: "melde",
    purpose: "satisfaction",
  }),
  Question.parse({
    key: "m-ziel",
    label: "Ziel",
    type: "single_choice",
    options: targets,
    domainId: "melde",
    purpose: "desired_model",
  }),
];

function input(
  answers: SuggestionInput["answers"],
  peers: SuggestionInput["peers"] = new Map(),
): SuggestionInput {
  return {
    domainIds: ["melde"],
    questions,
    answers,
    current: new Map([["melde", { operatingModel: "it_dienstleister", providerId: "owl-it" }]]),
    peers,
  };
}

describe("suggestDecisions", () => {
  const peers = new Map([["melde", { interkommunal: 7, vor_ort: 3 }]]);

  it.each([
    ["follows the desired model answered", { "m-ziel": "land" }, "land", false],
    [
      "keeps the confirmed model when satisfied",
      { "m-betrieb": "eigenbetrieb", "m-zufrieden": 4, "m-personal": 2 },
      "vor_ort",
      true,
    ],
    ["points a dissatisfied Kommune to its peers", { "m-zufrieden": 1 }, "interkommunal", false],
    ["falls back to today's landscape", {}, "it_dienstleister", false],
  ] as const)("%s", (_name, answers, model, vorOrt) => {
    const [suggestion] = suggestDecisions(input(answers, peers));
    expect(suggestion).toMatchObject({
      domainId: "melde",
      targetModel: model,
      vorOrtRequired: vorOrt,
    });
    expect(suggestion?.reasons.length).toBeGreaterThan(0);
  });

  it("keeps the provider when the Kommune stays with it", () => {
    expect(suggestDecisions(input({}))[0]?.providerId).toBe("owl-it");
  });
});

describe("checkConsistency", () => {
  const decision = (values: Record<string, unknown>) =>
    StrategyDecision.parse({ domainId: "melde", targetModel: "vor_ort", ...values });
  const check = (
    values: Record<string, unknown>,
    answers: Record<string, unknown> = { "m-personal": 2 },
  ) =>
    checkConsistency({
      decisions: [decision(values)],
      applicableDomainIds: new Set(["melde"]),
      questions,
      answers,
      year: 2026,
    }).map((finding) => finding.code);

  it.each([
    ["a sound decision", {}, { "m-personal": 2 }, []],
    ["vor Ort without own staff", {}, { "m-personal": 0 }, ["no_own_staff"]],
    ["vor Ort with no staff reported at all", {}, {}, ["no_own_staff"]],
    [
      "vor Ort notwendig without rationale",
      { vorOrtRequired: true },
      { "m-personal": 1 },
      ["rationale_missing"],
    ],
    [
      "vor Ort notwendig but another model",
      { vorOrtRequired: true, rationale: "Publikumsverkehr", targetModel: "land" },
      {},
      ["vor_ort_contradiction"],
    ],
    [
      "a provider model without provider",
      { targetModel: "it_dienstleister" },
      {},
      ["provider_missing"],
    ],
    ["a target year in the past", { targetYear: 2024 }, { "m-personal": 1 }, ["target_year_past"]],
  ] as const)("finds %s", (_name, values, answers, codes) => {
    expect(check(values, answers)).toEqual(codes);
  });

  it("warns about a domain the Kommune is not responsible for", () => {
    const findings = checkConsistency({
      decisions: [StrategyDecision.parse({ domainId: "kfz", targetModel: "land" })],
      applicableDomainIds: new Set(["melde"]),
      questions: [],
      answers: {},
      year: 2026,
    });
    expect(findings.map((finding) => finding.code)).toEqual(["not_responsible"]);
  });
});

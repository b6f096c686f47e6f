import type { Questionnaire } from "./surveyQueries.ts";

/** Test factory: Blomberg's questionnaire of a running campaign (one general, two EW questions). */
export function buildQuestionnaire(overrides: Partial<Questionnaire> = {}): Questionnaire {
  return {
    response: {
      id: 11,
      campaignId: 3,
      campaignTitle: "Lippe 2026",
      periodEnd: "2026-12-31",
      organisation: { key: "05766016", name: "Blomberg" },
      status: "draft",
      submittedAt: null,
      reviewComment: null,
      appliedAt: null,
      editable: true,
    },
    questions: [
      {
        key: "ansprechperson",
        label: "Ansprechperson",
        type: "text",
        maxLength: 200,
        required: true,
        domainId: null,
        help: null,
        condition: null,
        purpose: null,
      },
      {
        key: "ew-betrieb",
        label: "Wie wird das Einwohnerwesen heute betrieben?",
        type: "single_choice",
        options: [
          { value: "eigenbetrieb", label: "Eigener Betrieb" },
          { value: "it_dienstleister", label: "IT-Dienstleister" },
        ],
        required: true,
        domainId: "einwohnerwesen",
        help: null,
        condition: null,
        purpose: "current_operating_model",
      },
      {
        key: "ew-personal",
        label: "Eigenes IT-Personal für das Einwohnerwesen",
        type: "number",
        unit: "VZÄ",
        min: 0,
        max: 1000,
        required: false,
        domainId: "einwohnerwesen",
        help: null,
        condition: null,
        purpose: "own_staff",
      },
    ],
    answers: {},
    prefill: { "ew-betrieb": "it_dienstleister" },
    prefillDemo: [],
    comments: [],
    delegations: [],
    ozgLeistungen: [
      {
        domainId: "einwohnerwesen",
        items: [
          { ozgId: 10124, name: "Wohnsitzmeldungen", status: "online" },
          { ozgId: 10125, name: "Meldebescheinigung", status: "geplant" },
        ],
      },
    ],
    ...overrides,
  };
}

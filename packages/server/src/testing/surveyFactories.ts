import type { CampaignInput } from "@it-atlas/domain";

const operatingModels = [
  "eigenbetrieb",
  "it_dienstleister",
  "andere_kommune",
  "land",
  "efa_dienst",
];
const targetModels = ["vor_ort", "it_dienstleister", "interkommunal", "land", "efa"];

/** A small campaign: one general question, Einwohnerwesen (all Gemeinden), Kfz (Kreise, große Städte). */
export function buildCampaignInput(overrides: Partial<CampaignInput> = {}): CampaignInput {
  return {
    title: "Bedarfserhebung Test",
    description: null,
    periodStart: "2026-01-01",
    periodEnd: "2026-12-31",
    target: { kind: "kreis", key: "05766" },
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
        options: operatingModels.map((value) => ({ value, label: value })),
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
      {
        key: "ew-ziel",
        label: "Gewünschtes Betriebsmodell",
        type: "single_choice",
        options: targetModels.map((value) => ({ value, label: value })),
        required: false,
        domainId: "einwohnerwesen",
        help: null,
        condition: null,
        purpose: "desired_model",
      },
      {
        key: "kfz-betrieb",
        label: "Wie wird die Kfz-Zulassung betrieben?",
        type: "single_choice",
        options: operatingModels.map((value) => ({ value, label: value })),
        required: true,
        domainId: "kfz-zulassung",
        help: null,
        condition: null,
        purpose: "current_operating_model",
      },
    ],
    ...overrides,
  };
}

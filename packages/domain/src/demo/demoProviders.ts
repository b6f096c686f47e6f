/**
 * Fictitious providers of the demo landscape, one per Regierungsbezirk. The demo attaches a
 * Kommune to a real provider only where a sourced membership says so; every other provider
 * relation it invents goes to one of these (ADR 0021). They carry quality `demo`.
 */
export interface DemoProviderDefinition {
  id: string;
  shortName: string;
  name: string;
  regierungsbezirkKey: string;
}

export const DEMO_PROVIDERS: readonly DemoProviderDefinition[] = [
  {
    id: "demo-dl-west",
    shortName: "Demo-DL West",
    name: "Demo-Dienstleister West (Demo)",
    regierungsbezirkKey: "051",
  },
  {
    id: "demo-dl-sued",
    shortName: "Demo-DL Süd",
    name: "Demo-Dienstleister Süd (Demo)",
    regierungsbezirkKey: "053",
  },
  {
    id: "demo-dl-nord",
    shortName: "Demo-DL Nord",
    name: "Demo-Dienstleister Nord (Demo)",
    regierungsbezirkKey: "055",
  },
  {
    id: "demo-dl-ost",
    shortName: "Demo-DL Ost",
    name: "Demo-Dienstleister Ost (Demo)",
    regierungsbezirkKey: "057",
  },
  {
    id: "demo-dl-mitte",
    shortName: "Demo-DL Mitte",
    name: "Demo-Dienstleister Mitte (Demo)",
    regierungsbezirkKey: "059",
  },
];
